package com.eshop.market.domain;

import java.util.Optional;

/** User coupon rows; changes are conditional updates (false: the condition did not hold, nothing changed). */
public interface UserCouponRepository {
    Optional<UserCoupon> findByCouponId(String couponId);

    /**
     * The coupon as committed: read under the row's global lock, so a change by an unfinished global transaction
     * (which may still be rolled back) is waited for, then refused with LOCK_BUSY, instead of taken as done.
     */
    Optional<UserCoupon> findCommittedCoupon(String couponId);

    /** UNUSED -> USED by the order, only if the coupon is the user's and unused. */
    boolean lock(String couponId, String userId, String orderId);

    /** USED -> UNUSED, only if this order of this user holds the coupon. */
    boolean release(String couponId, String userId, String orderId);
}
