package com.eshop.pay.domain;

/** A payment the gateway took, keyed by its trade number: the ceiling of every refund of that trade. */
public record PayCapture(String outTradeNo, String orderId, int payType, int payAmount) {

    /** Whether a refund of this order and pay type draws on this capture. */
    public boolean covers(String refundOrderId, int refundPayType) {
        return orderId.equals(refundOrderId) && payType == refundPayType;
    }

    /** Whether {@code amount} more fits beside what was already refunded of this trade. */
    public boolean canRefund(long alreadyRefunded, int amount) {
        return alreadyRefunded + amount <= payAmount;
    }
}
