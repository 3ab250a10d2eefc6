package com.eshop.order.domain;

/**
 * Deterministic ids of refund intents: the same intent always yields the same id, so a retried or redelivered
 * request is refunded once by the gateway.
 */
public final class RefundRequestIds {
    private RefundRequestIds() {
    }

    /** The after-sale of a cancelled order (one per order). */
    public static String afterSaleId(String orderId) {
        return "AS" + orderId;
    }

    public static String forAfterSale(String afterSaleId) {
        return "REFUND-" + afterSaleId;
    }

    /** A payment the order did not keep (paid after cancel, or a second pay type). */
    public static String forUnacceptedPayment(String orderId, int payType) {
        return "PAYCB-" + orderId + "-" + payType;
    }
}
