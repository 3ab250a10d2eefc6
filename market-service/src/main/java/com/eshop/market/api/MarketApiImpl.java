package com.eshop.market.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.MarketApi;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.market.application.CouponService;
import com.eshop.market.application.MarketTimelineQuery;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = MarketApi.class)
public class MarketApiImpl implements MarketApi {
    private final CouponService couponService;
    private final MarketTimelineQuery timelineQuery;

    public MarketApiImpl(CouponService couponService, MarketTimelineQuery timelineQuery) {
        this.couponService = couponService;
        this.timelineQuery = timelineQuery;
    }

    @Override
    public JsonResult<UserCouponDTO> lockUserCoupon(LockUserCouponRequest request) {
        return ApiResults.call(() -> couponService.lockUserCoupon(request));
    }

    @Override
    public JsonResult<Boolean> releaseUserCoupon(ReleaseUserCouponRequest request) {
        return ApiResults.call(() -> couponService.releaseUserCoupon(request));
    }

    @Override
    public JsonResult<UserCouponDTO> getUserCoupon(String couponId) {
        return ApiResults.call(() -> couponService.getUserCoupon(couponId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
