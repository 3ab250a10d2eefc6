package com.eshop.market.application;

import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The user_coupon table in memory, with the conditions of the mapper's SQL; holds one UNUSED coupon of U1001. */
class InMemoryUserCouponRepository implements UserCouponRepository {
    final Map<String, UserCoupon> coupons = new HashMap<>();

    InMemoryUserCouponRepository() {
        coupons.put("CP-U1001-1", new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.UNUSED, null));
    }

    @Override
    public Optional<UserCoupon> findByCouponId(String couponId) {
        return Optional.ofNullable(coupons.get(couponId));
    }

    @Override
    public boolean lock(String couponId, String userId, String orderId) {
        UserCoupon c = coupons.get(couponId);
        if (c == null || !c.userId().equals(userId) || c.usage() != CouponUsage.UNUSED) {
            return false;
        }
        coupons.put(couponId, new UserCoupon(couponId, userId, c.amount(), CouponUsage.USED, orderId));
        return true;
    }

    @Override
    public boolean release(String couponId, String userId, String orderId) {
        UserCoupon c = coupons.get(couponId);
        if (c == null || !c.isHeldBy(userId, orderId)) {
            return false;
        }
        coupons.put(couponId, new UserCoupon(couponId, userId, c.amount(), CouponUsage.UNUSED, null));
        return true;
    }
}
