package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderStatusEnum;

/**
 * The scenario table of section 11 for a pay callback whose amount matches the order. Every payment that the
 * order does not keep is refunded, exactly once per (order, pay type).
 */
public enum PayCallbackDecision {
    /** CREATED: becomes PAID, PAID_ORDER_SUCCESS is sent. */
    ACCEPT,
    /** The accepted payment reported again (gateway retry): nothing changes. */
    ALREADY_ACCEPTED,
    /** Payment for a cancelled, never-paid order: refund it. */
    REFUND_PAID_AFTER_CANCEL,
    /** A second payment with another pay type for an order that is already paid: refund it. */
    REFUND_OTHER_PAY_TYPE;

    /**
     * @param acceptedPayType the pay type of the order's accepted payment, or null when none was accepted
     */
    public static PayCallbackDecision decide(OrderStatusEnum orderStatus, Integer acceptedPayType, int callbackPayType) {
        if (acceptedPayType != null) {
            return acceptedPayType == callbackPayType ? ALREADY_ACCEPTED : REFUND_OTHER_PAY_TYPE;
        }
        if (orderStatus == OrderStatusEnum.CREATED) {
            return ACCEPT;
        }
        return REFUND_PAID_AFTER_CANCEL;
    }
}
