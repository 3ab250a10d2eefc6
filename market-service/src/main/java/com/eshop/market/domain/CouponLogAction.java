package com.eshop.market.domain;

import java.util.Arrays;

/** What an order did with a coupon (the {@code action} column of user_coupon_log). */
public enum CouponLogAction {
    LOCKED(1),
    RELEASED(2);

    private final int code;

    CouponLogAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static CouponLogAction of(int code) {
        return Arrays.stream(values()).filter(a -> a.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown coupon log action " + code));
    }
}
