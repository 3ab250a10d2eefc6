package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.support.error.BizException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class MarketFixture {
    private MarketFixture() {
    }

    static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    static LockUserCouponRequest lock(String userId, String couponId, String orderId) {
        LockUserCouponRequest request = new LockUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }

    static ReleaseUserCouponRequest release(String userId, String couponId, String orderId) {
        ReleaseUserCouponRequest request = new ReleaseUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }
}
