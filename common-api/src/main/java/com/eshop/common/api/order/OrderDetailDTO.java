package com.eshop.common.api.order;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.PayStatusEnum;
import com.eshop.common.api.enums.PayTypeEnum;
import lombok.Data;

import java.io.Serializable;
import java.util.Date;
import java.util.List;

@Data
public class OrderDetailDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    private Integer businessIdentifier;
    private Integer orderType;
    @CodeOf(OrderStatusEnum.class)
    private Integer orderStatus;
    @CodeOf(OrderCancelTypeEnum.class)
    private Integer cancelType;
    private Date cancelTime;
    private String couponId;
    private Integer totalAmount;
    private Integer couponAmount;
    private Integer payAmount;
    @CodeOf(PayTypeEnum.class)
    private Integer payType;
    @CodeOf(PayStatusEnum.class)
    private Integer payStatus;
    private String outTradeNo;
    private Date payTime;
    private Date expireTime;
    private Date createdTime;
    private List<OrderItemDTO> orderItems;
}
