package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.market.domain.CouponLog;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import com.eshop.support.lock.InProcessRedisLock;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.util.HashSet;
import java.util.Set;

import static com.eshop.market.application.MarketFixture.lock;
import static com.eshop.market.application.MarketFixture.release;
import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class ReleaseUserCouponServiceTest {
    private final InMemoryUserCouponRepository repository = new InMemoryUserCouponRepository();
    private final InMemoryCouponLogRepository couponLogRepository = new InMemoryCouponLogRepository();
    /** Orders whose cancellation is not committed; every other order counts as cancelled. */
    private final Set<String> liveOrders = new HashSet<>();

    private final LockUserCouponService lockService = new LockUserCouponService(repository, couponLogRepository);
    private final ReleaseUserCouponService service = new ReleaseUserCouponService(repository, InProcessRedisLock.create(),
            TransactionOperations.withoutTransaction(), orderId -> !liveOrders.contains(orderId), couponLogRepository);

    @Test
    void releaseIsRefusedForAnOrderWhoseCancellationIsNotCommitted() {
        lockService.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        liveOrders.add("A");

        assertRefused(() -> service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A")), ErrorCode.ORDER_NOT_CANCELLED);
        assertThat(repository.coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.USED);
        assertThat(repository.coupons.get("CP-U1001-1").orderId()).isEqualTo("A");
    }

    /** docs/design.md defect 8: a late or repeated release for order A must not free the coupon order B holds now. */
    @Test
    void lateReleaseOfAPreviousOrderDoesNotFreeTheCouponOfTheCurrentOrder() {
        lockService.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"));
        lockService.lockUserCoupon(lock("U1001", "CP-U1001-1", "B"));

        assertThat(service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"))).isTrue();

        UserCoupon coupon = repository.coupons.get("CP-U1001-1");
        assertThat(coupon.usage()).isEqualTo(CouponUsage.USED);
        assertThat(coupon.orderId()).isEqualTo("B");
    }

    @Test
    void theCouponLogRecordsEachLockAndReleaseThatChangedTheCouponOnce() {
        lockService.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        lockService.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"));
        service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"));

        assertThat(couponLogRepository.findByOrderId("A")).extracting(CouponLog::action)
                .containsExactly(CouponLogAction.LOCKED, CouponLogAction.RELEASED);
        assertThat(new MarketTimelineQuery(couponLogRepository).orderTimeline("A")).extracting(TimelineEntry::getKind)
                .containsExactly("COUPON_LOCKED", "COUPON_RELEASED");
    }

    @Test
    void releaseFreesTheCouponOnceAndRepeatsAreNoOps() {
        lockService.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertThat(service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"))).isTrue();
        assertThat(service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"))).isTrue();
        assertThat(service.releaseUserCoupon(release("U1001", "CP-NONE", "A"))).isTrue();

        assertThat(repository.coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.UNUSED);
        assertThat(new UserCouponQueryService(repository).getUserCoupon("CP-U1001-1").getOrderId()).isNull();
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        assertRefused(() -> service.releaseUserCoupon(null), ErrorCode.PARAM_INVALID);
        assertRefused(() -> service.releaseUserCoupon(release("U1001", "CP-U1001-1", null)), ErrorCode.PARAM_INVALID);
        assertThat(repository.coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.UNUSED);
    }
}
