package com.eshop.fulfill.domain;

import java.util.Arrays;

/** Status of a fulfill order; cancelling (interception) removes the fulfill order instead of changing its status. */
public enum FulfillOrderStatus {
    CREATED(10);

    private final int code;

    FulfillOrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static FulfillOrderStatus of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fulfill order status " + code));
    }
}
