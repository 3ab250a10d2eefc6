package com.eshop.consistency;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/** Coupons the workload may use, each by at most one order at a time: taken by an order, given back once free again. */
public final class CouponPool {
    public record UserCoupon(String userId, String couponId) {
    }

    private final Deque<UserCoupon> free = new ArrayDeque<>();
    private final int size;

    public CouponPool(Collection<UserCoupon> coupons) {
        free.addAll(coupons);
        size = coupons.size();
    }

    /** The demo coupons of sql/market_db.sql: CP-U1001-1 .. CP-U1100-5. */
    public static CouponPool demo() {
        List<UserCoupon> all = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            for (int u = 1001; u <= 1100; u++) {
                all.add(new UserCoupon("U" + u, "CP-U" + u + "-" + k));
            }
        }
        return new CouponPool(all);
    }

    public synchronized UserCoupon take() {
        return free.pollFirst();
    }

    public synchronized void giveBack(UserCoupon coupon) {
        free.addLast(coupon);
    }

    public synchronized int available() {
        return free.size();
    }

    public int size() {
        return size;
    }
}
