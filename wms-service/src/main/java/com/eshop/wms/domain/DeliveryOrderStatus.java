package com.eshop.wms.domain;

import com.eshop.common.api.enums.EnumCodes;

/**
 * PICKING -> OUT_STOCK (goods left the warehouse), or PICKING -> CANCELLED (fulfillment interception). Picking can
 * be cancelled only while PICKING; OUT_STOCK and CANCELLED are final. Interception changes the status instead of
 * deleting the row, so the row stays visible, and under Seata AT keeps its global lock until the cancelling global
 * transaction has ended (a deleted row would let a concurrent reader take the order as "nothing to intercept").
 */
public enum DeliveryOrderStatus {
    PICKING(10),
    OUT_STOCK(20),
    CANCELLED(90);

    private final int code;

    DeliveryOrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Interception may move this status to CANCELLED. */
    public boolean canCancel() {
        return this == PICKING;
    }

    /** Interception already happened: cancelling again is an idempotent success; the goods never leave. */
    public boolean isCancelled() {
        return this == CANCELLED;
    }

    public boolean canMoveToOutStock() {
        return this == PICKING;
    }

    public static DeliveryOrderStatus of(int code) {
        return EnumCodes.of(values(), DeliveryOrderStatus::code, code, "delivery order status");
    }
}
