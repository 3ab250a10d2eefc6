package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Reads of user coupons. */
@Service
@RequiredArgsConstructor
public class UserCouponQueryService {
    private final UserCouponRepository repository;

    public UserCouponDTO getUserCoupon(String couponId) {
        Checks.id(couponId, "couponId");
        return repository.findByCouponId(couponId).map(UserCouponDtoAssembler::toDto)
                .orElseThrow(() -> new BizException(ErrorCode.COUPON_NOT_FOUND, "coupon " + couponId + " does not exist"));
    }
}
