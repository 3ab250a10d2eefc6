package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponLogRepository;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import org.apache.seata.spring.annotation.GlobalLock;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/** Coupon use cases: an order locks a coupon at creation; a cancelled order releases only the coupon it holds. */
@Slf4j
@Service
public class CouponService {
    private final UserCouponRepository repository;
    private final RedisLock redisLock;
    private final TransactionOperations transactionOperations;
    private final OrderGateway orderGateway;
    private final CouponLogRepository couponLogRepository;

    public CouponService(UserCouponRepository repository, RedisLock redisLock, TransactionOperations transactionOperations,
                         OrderGateway orderGateway, CouponLogRepository couponLogRepository) {
        this.repository = repository;
        this.redisLock = redisLock;
        this.transactionOperations = transactionOperations;
        this.orderGateway = orderGateway;
        this.couponLogRepository = couponLogRepository;
    }

    /** A Seata AT branch of order-service's create-order global transaction. Idempotent for the same order. */
    @Transactional(rollbackFor = Exception.class)
    public UserCouponDTO lockUserCoupon(LockUserCouponRequest request) {
        Checks.notNull(request, "request");
        String userId = Checks.id(request.getUserId(), "userId");
        String couponId = Checks.id(request.getCouponId(), "couponId");
        String orderId = Checks.id(request.getOrderId(), "orderId");

        // a second attempt only when the first raced with a release of the same coupon (read back as FREE)
        for (int attempt = 1; ; attempt++) {
            boolean locked = repository.lock(couponId, userId, orderId);
            UserCoupon coupon = repository.findByCouponId(couponId)
                    .orElseThrow(() -> new BizException(ErrorCode.COUPON_NOT_FOUND, "coupon " + couponId + " does not exist"));
            if (locked) {
                couponLogRepository.record(couponId, orderId, CouponLogAction.LOCKED);
                return toDto(coupon);
            }
            UserCoupon.LockRefusal refusal = coupon.lockRefusal(userId, orderId);
            if (refusal == UserCoupon.LockRefusal.HELD_BY_THIS_ORDER) {
                return toDto(coupon);
            }
            if (refusal != UserCoupon.LockRefusal.FREE || attempt == 2) {
                throw new BizException(ErrorCode.COUPON_UNUSABLE, "coupon " + couponId + " cannot be used by order "
                        + orderId + ": " + refusal);
            }
        }
    }

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

    public UserCouponDTO getUserCoupon(String couponId) {
        Checks.id(couponId, "couponId");
        return repository.findByCouponId(couponId).map(CouponService::toDto)
                .orElseThrow(() -> new BizException(ErrorCode.COUPON_NOT_FOUND, "coupon " + couponId + " does not exist"));
    }

    private static UserCouponDTO toDto(UserCoupon coupon) {
        UserCouponDTO dto = new UserCouponDTO();
        dto.setCouponId(coupon.couponId());
        dto.setUserId(coupon.userId());
        dto.setAmount(coupon.amount());
        dto.setUsed(coupon.usage().code());
        dto.setOrderId(coupon.orderId());
        return dto;
    }
}
