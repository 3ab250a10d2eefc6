package com.eshop.pay.domain;

/** The dated facts the gateway keeps of an order's money. */
public enum PayEventType {
    /** A pre-pay transaction (pay_transaction) was opened. */
    PRE_PAY_CREATED,
    /** The payment was taken (pay_capture). */
    PAYMENT_CAPTURED,
    /** A refund was executed (pay_refund; the stand-in gateway refunds synchronously). */
    REFUND_EXECUTED
}
