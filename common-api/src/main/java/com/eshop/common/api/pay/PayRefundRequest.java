package com.eshop.common.api.pay;

import lombok.Data;

import java.io.Serializable;


@Data
public class PayRefundRequest implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Refund request ids are derived from order ids (at most 64 characters) plus a prefix, so they may be longer. */
    public static final int MAX_REFUND_REQUEST_ID_LENGTH = 96;

    /** Unique per refund intent: a retried request with the same id never refunds twice. */
    private String refundRequestId;
    private String orderId;
    private String outTradeNo;
    private Integer payType;
    private Integer refundAmount;
}
