package com.eshop.market.domain;

import org.junit.jupiter.api.Test;

import static com.eshop.market.domain.UserCoupon.LockRefusal.FREE;
import static com.eshop.market.domain.UserCoupon.LockRefusal.HELD_BY_OTHER_ORDER;
import static com.eshop.market.domain.UserCoupon.LockRefusal.HELD_BY_THIS_ORDER;
import static com.eshop.market.domain.UserCoupon.LockRefusal.OTHER_USER;
import static org.assertj.core.api.Assertions.assertThat;

class UserCouponTest {
    private final UserCoupon free = new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.UNUSED, null);
    private final UserCoupon heldByA = new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.USED, "A");

    @Test
    void aCouponHeldByTheSameOrderIsARetriedLock() {
        assertThat(heldByA.lockRefusal("U1001", "A")).isEqualTo(HELD_BY_THIS_ORDER);
        assertThat(heldByA.isHeldBy("U1001", "A")).isTrue();
    }

    @Test
    void aCouponHeldByAnotherOrderOrUserIsRefused() {
        assertThat(heldByA.lockRefusal("U1001", "B")).isEqualTo(HELD_BY_OTHER_ORDER);
        assertThat(heldByA.lockRefusal("U1002", "A")).isEqualTo(OTHER_USER);
        assertThat(free.lockRefusal("U1002", "B")).isEqualTo(OTHER_USER);
        assertThat(heldByA.isHeldBy("U1001", "B")).isFalse();
    }

    @Test
    void aFreeCouponOfTheUserIsNotHeldByAnyone() {
        assertThat(free.lockRefusal("U1001", "A")).isEqualTo(FREE);
        assertThat(free.isHeldBy("U1001", "A")).isFalse();
    }

    @Test
    void usageCodesMatchTheTable() {
        assertThat(CouponUsage.of(0)).isEqualTo(CouponUsage.UNUSED);
        assertThat(CouponUsage.of(1)).isEqualTo(CouponUsage.USED);
        assertThat(CouponUsage.USED.code()).isEqualTo(1);
    }
}
