package com.eshop.market.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.MarketApi;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.market.application.LockUserCouponService;
import com.eshop.market.application.MarketTimelineQuery;
import com.eshop.market.application.ReleaseUserCouponService;
import com.eshop.market.application.UserCouponQueryService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = MarketApi.class)
@RequiredArgsConstructor
public class MarketApiImpl implements MarketApi {
    private final LockUserCouponService lockUserCouponService;
    private final ReleaseUserCouponService releaseUserCouponService;
    private final UserCouponQueryService userCouponQueryService;
    private final MarketTimelineQuery timelineQuery;

    @Override
    public JsonResult<UserCouponDTO> lockUserCoupon(LockUserCouponRequest request) {
        return ApiResults.call(() -> lockUserCouponService.lockUserCoupon(request));
    }

    @Override
    public JsonResult<Boolean> releaseUserCoupon(ReleaseUserCouponRequest request) {
        return ApiResults.call(() -> releaseUserCouponService.releaseUserCoupon(request));
    }

    @Override
    public JsonResult<UserCouponDTO> getUserCoupon(String couponId) {
        return ApiResults.call(() -> userCouponQueryService.getUserCoupon(couponId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
