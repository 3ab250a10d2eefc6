package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.eshop.market.application.MarketFixture.lock;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class LockUserCouponServiceTest {
    private final InMemoryUserCouponRepository repository = new InMemoryUserCouponRepository();
    private final InMemoryCouponLogRepository couponLogs = new InMemoryCouponLogRepository();
    private final LockUserCouponService service = new LockUserCouponService(repository, couponLogs);

    @Test
    void lockTakesTheCouponForTheOrderAndReturnsItsAmount() {
        UserCouponDTO dto = service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertThat(dto.getAmount()).isEqualTo(1000);
        assertThat(dto.getUsed()).isEqualTo(1);
        assertThat(dto.getOrderId()).isEqualTo("A");
    }

    @Test
    void repeatedLockBySameOrderIsAnIdempotentSuccess() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        UserCouponDTO again = service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertThat(again.getOrderId()).isEqualTo("A");
        assertThat(repository.coupons.get("CP-U1001-1").orderId()).isEqualTo("A");
    }

    @Test
    void aCouponHeldByAnEarlierAttemptOfTheOrderThatMayStillRollBackIsRefusedLockBusyNotTakenAsLocked() {
        repository.coupons.put("CP-U1001-1", new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.USED, "A"));
        repository.heldByUnfinishedTransaction.add("CP-U1001-1");

        assertRefused(() -> service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A")), ErrorCode.LOCK_BUSY);
        assertThat(couponLogs.findByOrderId("A")).as("nothing recorded as locked").isEmpty();
    }

    @Test
    void aCouponWhoseEarlierAttemptWasRolledBackMeanwhileIsLockedAnew() {
        repository.coupons.put("CP-U1001-1", new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.USED, "A"));
        repository.rolledBackBeforeCommittedRead.put("CP-U1001-1", new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.UNUSED, null));

        UserCouponDTO dto = service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertThat(dto.getOrderId()).isEqualTo("A");
        assertThat(repository.coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.USED);
        assertThat(couponLogs.findByOrderId("A")).as("locked by this attempt").hasSize(1);
    }

    @Test
    void lockRefusesAnotherOrdersCouponAnotherUsersCouponAndUnknownCoupons() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertRefused(() -> service.lockUserCoupon(lock("U1001", "CP-U1001-1", "B")), ErrorCode.COUPON_UNUSABLE);
        assertRefused(() -> service.lockUserCoupon(lock("U1002", "CP-U1001-1", "C")), ErrorCode.COUPON_UNUSABLE);
        assertRefused(() -> service.lockUserCoupon(lock("U1001", "CP-NONE", "A")), ErrorCode.COUPON_NOT_FOUND);
        assertThat(repository.coupons.get("CP-U1001-1").orderId()).isEqualTo("A");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        List<Runnable> invalid = List.of(
                () -> service.lockUserCoupon(null),
                () -> service.lockUserCoupon(lock(null, "CP-U1001-1", "A")),
                () -> service.lockUserCoupon(lock("U1001", "", "A")),
                () -> service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A B")));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        assertThat(repository.coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.UNUSED);
    }
}
