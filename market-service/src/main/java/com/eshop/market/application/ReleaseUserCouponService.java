package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponLogRepository;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** A cancelled order releases only the coupon it holds. */
@Slf4j
@Service
@RequiredArgsConstructor
public class ReleaseUserCouponService {
    private final UserCouponRepository repository;
    private final RedisLock redisLock;
    private final TransactionOperations transactionOperations;
    private final OrderGateway orderGateway;
    private final CouponLogRepository couponLogRepository;

    /**
     * Frees the coupon only if this order holds it (docs/design.md defect 8): a late or repeated release for order A
     * never frees the coupon that order B holds now. Zero or one row changed are both success. Refused unless the
     * order's cancellation is committed, whoever calls.
     * {@link GlobalLock}: this runs outside any global transaction and must not overwrite a row that an
     * unfinished global transaction may still roll back.
     */
    @GlobalLock
    public Boolean releaseUserCoupon(ReleaseUserCouponRequest request) {
        Checks.notNull(request, "request");
        String userId = Checks.id(request.getUserId(), "userId");
        String couponId = Checks.id(request.getCouponId(), "couponId");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        if (!orderGateway.isCancellationCommitted(orderId)) {
            throw new BizException(ErrorCode.ORDER_NOT_CANCELLED, "order " + orderId + " is not cancelled: coupon " + couponId + " stays held");
        }
        try (var lock = redisLock.lock(RedisLockKeyConstants.RELEASE_COUPON_KEY + couponId)) {
            boolean released = Boolean.TRUE.equals(transactionOperations.execute(status -> {
                boolean changed = repository.release(couponId, userId, orderId);
                if (changed) {
                    couponLogRepository.record(couponId, orderId, CouponLogAction.RELEASED);
                }
                return changed;
            }));
            log.info("coupon {} of order {}: {}", couponId, orderId, released ? "released" : "not held, nothing to release");
            return true;
        }
    }
}
