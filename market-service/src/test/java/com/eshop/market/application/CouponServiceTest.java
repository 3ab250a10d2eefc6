package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.market.domain.CouponLog;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponLogRepository;
import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.lock.InProcessRedisLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CouponServiceTest {
    private final Map<String, UserCoupon> coupons = new HashMap<>();
    private CouponService service;

    /** The user_coupon table in memory, with the conditions of the mapper's SQL. */
    private final UserCouponRepository repository = new UserCouponRepository() {
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
    };

    private final List<CouponLog> couponLog = new ArrayList<>();
    private final CouponLogRepository couponLogRepository = new CouponLogRepository() {
        @Override
        public void record(String couponId, String orderId, CouponLogAction action) {
            couponLog.add(new CouponLog(couponId, orderId, action, Instant.now()));
        }

        @Override
        public List<CouponLog> findByOrderId(String orderId) {
            return couponLog.stream().filter(entry -> entry.orderId().equals(orderId)).toList();
        }
    };

    /** Orders whose cancellation is not committed; every other order counts as cancelled. */
    private final java.util.Set<String> liveOrders = new java.util.HashSet<>();

    @BeforeEach
    void setUp() {
        coupons.put("CP-U1001-1", new UserCoupon("CP-U1001-1", "U1001", 1000, CouponUsage.UNUSED, null));
        service = new CouponService(repository, InProcessRedisLock.create(), TransactionOperations.withoutTransaction(),
                orderId -> !liveOrders.contains(orderId), couponLogRepository);
    }

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
        assertThat(coupons.get("CP-U1001-1").orderId()).isEqualTo("A");
    }

    @Test
    void lockRefusesAnotherOrdersCouponAnotherUsersCouponAndUnknownCoupons() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertRefused(() -> service.lockUserCoupon(lock("U1001", "CP-U1001-1", "B")), ErrorCode.COUPON_UNUSABLE);
        assertRefused(() -> service.lockUserCoupon(lock("U1002", "CP-U1001-1", "C")), ErrorCode.COUPON_UNUSABLE);
        assertRefused(() -> service.lockUserCoupon(lock("U1001", "CP-NONE", "A")), ErrorCode.COUPON_NOT_FOUND);
        assertThat(coupons.get("CP-U1001-1").orderId()).isEqualTo("A");
    }

    @Test
    void releaseIsRefusedForAnOrderWhoseCancellationIsNotCommitted() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        liveOrders.add("A");

        assertRefused(() -> service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A")), ErrorCode.ORDER_NOT_CANCELLED);
        assertThat(coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.USED);
        assertThat(coupons.get("CP-U1001-1").orderId()).isEqualTo("A");
    }

    /** docs/design.md defect 8: a late or repeated release for order A must not free the coupon order B holds now. */
    @Test
    void lateReleaseOfAPreviousOrderDoesNotFreeTheCouponOfTheCurrentOrder() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"));
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "B"));

        assertThat(service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"))).isTrue();

        UserCoupon coupon = coupons.get("CP-U1001-1");
        assertThat(coupon.usage()).isEqualTo(CouponUsage.USED);
        assertThat(coupon.orderId()).isEqualTo("B");
    }

    @Test
    void theCouponLogRecordsEachLockAndReleaseThatChangedTheCouponOnce() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));
        service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"));
        service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"));

        assertThat(couponLogRepository.findByOrderId("A")).extracting(CouponLog::action)
                .containsExactly(CouponLogAction.LOCKED, CouponLogAction.RELEASED);
        assertThat(new MarketTimelineQuery(couponLogRepository).orderTimeline("A")).extracting(TimelineEntry::getKind)
                .containsExactly("COUPON_LOCKED", "COUPON_RELEASED");
    }

    @Test
    void releaseFreesTheCouponOnceAndRepeatsAreNoOps() {
        service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A"));

        assertThat(service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"))).isTrue();
        assertThat(service.releaseUserCoupon(release("U1001", "CP-U1001-1", "A"))).isTrue();
        assertThat(service.releaseUserCoupon(release("U1001", "CP-NONE", "A"))).isTrue();

        assertThat(coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.UNUSED);
        assertThat(service.getUserCoupon("CP-U1001-1").getOrderId()).isNull();
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingChanges() {
        List<Runnable> invalid = List.of(
                () -> service.lockUserCoupon(null),
                () -> service.lockUserCoupon(lock(null, "CP-U1001-1", "A")),
                () -> service.lockUserCoupon(lock("U1001", "", "A")),
                () -> service.lockUserCoupon(lock("U1001", "CP-U1001-1", "A B")),
                () -> service.releaseUserCoupon(null),
                () -> service.releaseUserCoupon(release("U1001", "CP-U1001-1", null)),
                () -> service.getUserCoupon("x".repeat(65)));
        for (Runnable call : invalid) {
            assertRefused(call::run, ErrorCode.PARAM_INVALID);
        }
        assertThat(coupons.get("CP-U1001-1").usage()).isEqualTo(CouponUsage.UNUSED);
    }

    private static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    private static LockUserCouponRequest lock(String userId, String couponId, String orderId) {
        LockUserCouponRequest request = new LockUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }

    private static ReleaseUserCouponRequest release(String userId, String couponId, String orderId) {
        ReleaseUserCouponRequest request = new ReleaseUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }
}
