package com.eshop.systemtest.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out demo users and their coupons (sql/market_db.sql: U1001..U1100, five coupons each) so that no two
 * scenarios of one test JVM share a coupon.
 */
public final class TestData {
    private static final AtomicInteger NEXT_COUPON = new AtomicInteger();

    public record UserCoupon(String userId, String couponId) {
    }

    private TestData() {
    }

    public static UserCoupon nextUserWithCoupon() {
        int n = NEXT_COUPON.getAndIncrement();
        if (n >= 500) {
            throw new IllegalStateException("demo coupons used up");
        }
        String userId = "U" + (1001 + n / 5);
        return new UserCoupon(userId, "CP-" + userId + "-" + (n % 5 + 1));
    }
}
