package com.eshop.wms.domain;

import java.util.Arrays;

/** PICKING -> OUT_STOCK (goods left the warehouse). Picking can be cancelled only while PICKING. */
public enum DeliveryOrderStatus {
    PICKING(10),
    OUT_STOCK(20);

    private final int code;

    DeliveryOrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean canCancel() {
        return this == PICKING;
    }

    public boolean canMoveToOutStock() {
        return this == PICKING;
    }

    public static DeliveryOrderStatus of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery order status " + code));
    }
}
