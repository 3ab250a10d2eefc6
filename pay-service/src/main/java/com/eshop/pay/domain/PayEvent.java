package com.eshop.pay.domain;

import java.time.Instant;

/** One dated fact of an order's money; {@code refundRequestId} is set for refunds only. */
public record PayEvent(PayEventType type, Instant at, String outTradeNo, int payType, int amount, String refundRequestId) {
}
