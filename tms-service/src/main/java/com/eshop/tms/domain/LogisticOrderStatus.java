package com.eshop.tms.domain;

import java.util.Arrays;

/** A logistic order can be cancelled until the parcel is in transit. */
public enum LogisticOrderStatus {
    CREATED(10),
    IN_TRANSIT(20);

    private final int code;

    LogisticOrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean canCancel() {
        return this == CREATED;
    }

    public static LogisticOrderStatus of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown logistic order status " + code));
    }
}
