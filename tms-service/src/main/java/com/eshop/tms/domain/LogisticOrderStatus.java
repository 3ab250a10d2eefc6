package com.eshop.tms.domain;

import com.eshop.common.api.enums.EnumCodes;

/**
 * CREATED -> IN_TRANSIT, or CREATED -> CANCELLED (fulfillment interception): a logistic order can be cancelled
 * until the parcel is in transit; IN_TRANSIT and CANCELLED are final. Interception changes the status instead of
 * deleting the row, so the row stays visible, and under Seata AT keeps its global lock until the cancelling global
 * transaction has ended (a deleted row would let a concurrent reader take the order as "nothing to intercept").
 */
public enum LogisticOrderStatus {
    CREATED(10),
    IN_TRANSIT(20),
    CANCELLED(90);

    private final int code;

    LogisticOrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Interception may move this status to CANCELLED. */
    public boolean canCancel() {
        return this == CREATED;
    }

    /** Interception already happened: cancelling again is an idempotent success; the parcel is never sent. */
    public boolean isCancelled() {
        return this == CANCELLED;
    }

    public static LogisticOrderStatus of(int code) {
        return EnumCodes.of(values(), LogisticOrderStatus::code, code, "logistic order status");
    }
}
