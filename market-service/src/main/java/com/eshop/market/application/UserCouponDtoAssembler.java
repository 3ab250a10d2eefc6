package com.eshop.market.application;

import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.market.domain.UserCoupon;

final class UserCouponDtoAssembler {
    private UserCouponDtoAssembler() {
    }

    static UserCouponDTO toDto(UserCoupon coupon) {
        UserCouponDTO dto = new UserCouponDTO();
        dto.setCouponId(coupon.couponId());
        dto.setUserId(coupon.userId());
        dto.setAmount(coupon.amount());
        dto.setUsed(coupon.usage().code());
        dto.setOrderId(coupon.orderId());
        return dto;
    }
}
