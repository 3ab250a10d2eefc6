package com.eshop.pay.domain;

/** Status of a pre-pay transaction: opened by pre-pay, paid when the gateway's verified notification matches it. */
public enum PayTransactionStatus {
    WAITING(10),
    PAID(20);

    private final int code;

    PayTransactionStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
