package com.eshop.pay.domain;

/** Status of a pre-pay transaction; the stand-in gateway only creates them (the pay callback goes to order-service). */
public enum PayTransactionStatus {
    WAITING(10);

    private final int code;

    PayTransactionStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
