package com.eshop.market.application;

import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;

final class MarketFixture {
    private MarketFixture() {
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
