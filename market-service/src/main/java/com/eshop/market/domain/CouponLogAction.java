package com.eshop.market.domain;

import com.eshop.common.api.enums.EnumCodes;

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
        return EnumCodes.of(values(), CouponLogAction::code, code, "coupon log action");
    }
}
