package com.eshop.common.api.pay;

import lombok.Data;

import java.io.Serializable;


@Data
public class PayRefundDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String refundRequestId;
    private String orderId;
    private Integer refundAmount;
    private Integer status;
}
