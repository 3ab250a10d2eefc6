package com.eshop.common.api.mq;

import lombok.Data;

import java.io.Serializable;

/** The gateway refunded this request (sent again whenever the same refund request is repeated). */
@Data
public class RefundCompletedMessage implements Serializable {
    private static final long serialVersionUID = 1L;

    private String refundRequestId;
    private String orderId;
    private String outTradeNo;
    private Integer refundAmount;
}
