package com.eshop.common.api.market;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

public interface MarketApi {
    /** Locks the user's unused coupon for the order; idempotent for the same order. */
    JsonResult<UserCouponDTO> lockUserCoupon(LockUserCouponRequest request);

    /** Frees the coupon only if this order holds it; otherwise an idempotent no-op. */
    JsonResult<Boolean> releaseUserCoupon(ReleaseUserCouponRequest releaseUserCouponRequest);

    JsonResult<UserCouponDTO> getUserCoupon(String couponId);

    /** The steps of this order held here (coupon: locked and released by the order), for the order timeline; empty when there are none. */
    JsonResult<List<TimelineEntry>> orderTimeline(String orderId);
}
