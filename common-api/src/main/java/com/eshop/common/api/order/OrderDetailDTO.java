package com.eshop.common.api.order;

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
    private Integer orderStatus;
    private Integer cancelType;
    private Date cancelTime;
    private String couponId;
    private Integer totalAmount;
    private Integer couponAmount;
    private Integer payAmount;
    private Integer payType;
    private Integer payStatus;
    private String outTradeNo;
    private Date payTime;
    private Date expireTime;
    private Date createdTime;
    private List<OrderItemDTO> orderItems;
}
