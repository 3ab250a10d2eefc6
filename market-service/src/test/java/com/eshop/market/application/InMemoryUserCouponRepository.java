package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.support.error.BizException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The user_coupon table in memory, with the conditions of the mapper's SQL; holds one UNUSED coupon of U1001. */
class InMemoryUserCouponRepository implements UserCouponRepository {
    final Map<String, UserCoupon> coupons = new HashMap<>();
    /** Coupons whose row an unfinished global transaction changed: a committed read is refused, as Seata's lock check does. */
    final Set<String> heldByUnfinishedTransaction = new HashSet<>();
    /** Rows a global rollback restores just before the next committed read of the coupon. */
    final Map<String, UserCoupon> rolledBackBeforeCommittedRead = new HashMap<>();

    InMemoryUserCouponRepository() {
        coupons.put("CP-U1001-1", new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.UNUSED, null));
    }

    @Override
    public Optional<UserCoupon> findByCouponId(String couponId) {
        return Optional.ofNullable(coupons.get(couponId));
    }

    @Override
    public Optional<UserCoupon> findCommittedCoupon(String couponId) {
        if (heldByUnfinishedTransaction.contains(couponId)) {
            throw new BizException(ErrorCode.LOCK_BUSY, "coupon " + couponId + " is held by an unfinished global transaction");
        }
        UserCoupon restored = rolledBackBeforeCommittedRead.remove(couponId);
        if (restored != null) {
            coupons.put(couponId, restored);
        }
        return findByCouponId(couponId);
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
