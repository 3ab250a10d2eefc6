package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponLogRepository;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An order locks its coupon at creation. */
@Service
@RequiredArgsConstructor
public class LockUserCouponService {
    private final UserCouponRepository repository;
    private final CouponLogRepository couponLogRepository;

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
                return UserCouponDtoAssembler.toDto(coupon);
            }
            UserCoupon.LockRefusal refusal = coupon.lockRefusal(userId, orderId);
            if (refusal == UserCoupon.LockRefusal.HELD_BY_THIS_ORDER) {
                // an earlier attempt of this order locked it: that counts only once its global transaction is
                // committed, not while it may still be rolled back (LOCK_BUSY until then, FREE if it was)
                coupon = repository.findCommittedCoupon(couponId).orElseThrow();
                refusal = coupon.lockRefusal(userId, orderId);
                if (refusal == UserCoupon.LockRefusal.HELD_BY_THIS_ORDER) {
                    return UserCouponDtoAssembler.toDto(coupon);
                }
            }
            if (refusal != UserCoupon.LockRefusal.FREE || attempt == 2) {
                throw new BizException(ErrorCode.COUPON_UNUSABLE, "coupon " + couponId + " cannot be used by order "
                        + orderId + ": " + refusal);
            }
        }
    }
}
