package com.eshop.pay.domain;

/** Status of a refund; the stand-in gateway refunds synchronously, so a stored refund has succeeded. */
public enum RefundStatus {
    SUCCESS(20);

    private final int code;

    RefundStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
