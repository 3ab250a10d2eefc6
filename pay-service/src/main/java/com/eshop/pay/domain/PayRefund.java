package com.eshop.pay.domain;

import java.util.Objects;

/** One refund, keyed by the caller's refund request id: the same id never refunds twice. */
public record PayRefund(String refundRequestId, String orderId, String outTradeNo, int payType, int refundAmount, int status) {

    public static PayRefund succeeded(String refundRequestId, String orderId, String outTradeNo, int payType, int refundAmount) {
        return new PayRefund(refundRequestId, orderId, outTradeNo, payType, refundAmount, RefundStatus.SUCCESS.code());
    }

    /**
     * A request with an already used refund request id is a replay when it asks for the same refund (answered
     * with the first outcome), and a conflict otherwise.
     */
    public boolean isReplayOf(PayRefund existing) {
        return refundRequestId.equals(existing.refundRequestId)
                && orderId.equals(existing.orderId)
                && Objects.equals(outTradeNo, existing.outTradeNo)
                && payType == existing.payType
                && refundAmount == existing.refundAmount;
    }
}
