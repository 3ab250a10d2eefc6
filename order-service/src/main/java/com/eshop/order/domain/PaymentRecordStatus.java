package com.eshop.order.domain;

/** Status of a payment reported by the gateway (order_payment_record). */
public enum PaymentRecordStatus {
    ACCEPTED(10),
    REFUND_PENDING(20),
    REFUNDED(30);

    private final int code;

    PaymentRecordStatus(int code) {
        this.code = code;
    }

    public Integer getCode() {
        return code;
    }
}
