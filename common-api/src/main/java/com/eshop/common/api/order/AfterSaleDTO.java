package com.eshop.common.api.order;

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
    private Integer afterSaleStatus;
    private Integer applyRefundAmount;
    private Integer realRefundAmount;
    private Integer refundStatus;
    private String refundRequestId;
    private Date createdTime;
}
