package com.eshop.order.application;

/** market-service: the user's coupons. A refusal is thrown. */
public interface MarketGateway {
    /** Locks the coupon for the order; returns its amount in cents. */
    int lockUserCoupon(String userId, String couponId, String orderId);

    /** Whether the coupon is still used by this order. */
    boolean isCouponHeldBy(String couponId, String orderId);
}
