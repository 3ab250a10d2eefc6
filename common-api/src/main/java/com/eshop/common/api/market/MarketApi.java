package com.eshop.common.api.market;

import com.eshop.common.api.JsonResult;

public interface MarketApi {
    /** Locks the user's unused coupon for the order; idempotent for the same order. */
    JsonResult<UserCouponDTO> lockUserCoupon(LockUserCouponRequest request);

    /** Frees the coupon only if this order holds it; otherwise an idempotent no-op. */
    JsonResult<Boolean> releaseUserCoupon(ReleaseUserCouponRequest releaseUserCouponRequest);

    JsonResult<UserCouponDTO> getUserCoupon(String couponId);
}
