package com.eshop.market.domain;

/** A coupon of one user; {@code orderId} is the order holding it while {@code usage} is USED. */
public record UserCoupon(String couponId, String userId, int amount, CouponUsage usage, String orderId) {

    /** Why a lock request for (user, order) did not take the coupon. */
    public enum LockRefusal {
        /** Not a refusal: this order already holds the coupon (a retried lock). */
        HELD_BY_THIS_ORDER,
        OTHER_USER,
        HELD_BY_OTHER_ORDER,
        /** Free for this user when read back: the lock raced with a release; the caller may retry. */
        FREE
    }

    public boolean isHeldBy(String userId, String orderId) {
        return usage == CouponUsage.USED && this.userId.equals(userId) && orderId.equals(this.orderId);
    }

    /** Classifies a conditional lock that changed no row, from the coupon as read afterwards. */
    public LockRefusal lockRefusal(String userId, String orderId) {
        if (!this.userId.equals(userId)) {
            return LockRefusal.OTHER_USER;
        }
        if (isHeldBy(userId, orderId)) {
            return LockRefusal.HELD_BY_THIS_ORDER;
        }
        return usage == CouponUsage.USED ? LockRefusal.HELD_BY_OTHER_ORDER : LockRefusal.FREE;
    }
}
