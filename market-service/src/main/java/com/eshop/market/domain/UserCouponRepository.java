package com.eshop.market.domain;

import java.util.Optional;

/** User coupon rows; changes are conditional updates (false: the condition did not hold, nothing changed). */
public interface UserCouponRepository {
    Optional<UserCoupon> findByCouponId(String couponId);

    /** UNUSED -> USED by the order, only if the coupon is the user's and unused. */
    boolean lock(String couponId, String userId, String orderId);

    /** USED -> UNUSED, only if this order of this user holds the coupon. */
    boolean release(String couponId, String userId, String orderId);
}
