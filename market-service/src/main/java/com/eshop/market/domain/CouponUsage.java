package com.eshop.market.domain;

/** The {@code used} column of a user coupon. */
public enum CouponUsage {
    UNUSED(0),
    /** Locked by an unpaid order or used by a paid one; {@code order_id} says which. */
    USED(1);

    private final int code;

    CouponUsage(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CouponUsage of(int code) {
        return code == 0 ? UNUSED : USED;
    }
}
