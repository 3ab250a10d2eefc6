package com.eshop.fulfill.domain;

import com.eshop.common.api.enums.EnumCodes;

/**
 * Status of a fulfill order: CREATED -> CANCELLED (fulfillment interception). Interception changes the status
 * instead of deleting the row, so the row stays visible, and under Seata AT keeps its global lock until the
 * cancelling global transaction has ended: a concurrent or retried cancel reading it FOR UPDATE then conflicts on
 * that lock instead of finding nothing and taking the order as "nothing to intercept". CANCELLED is final.
 */
public enum FulfillOrderStatus {
    CREATED(10),
    CANCELLED(90);

    private final int code;

    FulfillOrderStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Interception may move this status to CANCELLED. */
    public boolean canCancel() {
        return this == CREATED;
    }

    /** Interception already happened: cancelling again is an idempotent success, and nothing may revive the order. */
    public boolean isCancelled() {
        return this == CANCELLED;
    }

    public static FulfillOrderStatus of(int code) {
        return EnumCodes.of(values(), FulfillOrderStatus::code, code, "fulfill order status");
    }
}
