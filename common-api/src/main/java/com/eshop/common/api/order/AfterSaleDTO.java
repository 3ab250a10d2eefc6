package com.eshop.common.api.order;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import lombok.Data;

import java.io.Serializable;
import java.util.Date;

@Data
public class AfterSaleDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String afterSaleId;
    private String orderId;
    private String userId;
    private Integer afterSaleType;
    @CodeOf(AfterSaleStatusEnum.class)
    private Integer afterSaleStatus;
    private Integer applyRefundAmount;
    private Integer realRefundAmount;
    @CodeOf(RefundStatusEnum.class)
    private Integer refundStatus;
    private String refundRequestId;
    private Date createdTime;
}
