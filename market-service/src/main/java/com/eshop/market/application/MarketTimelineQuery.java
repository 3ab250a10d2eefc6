package com.eshop.market.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.market.domain.CouponLog;
import com.eshop.market.domain.CouponLogRepository;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

import java.util.Date;
import java.util.List;

/** The order timeline's steps of the order's coupon: each lock and release, from the coupon log. */
@Service
public class MarketTimelineQuery {
    private final CouponLogRepository couponLogRepository;

    public MarketTimelineQuery(CouponLogRepository couponLogRepository) {
        this.couponLogRepository = couponLogRepository;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        return couponLogRepository.findByOrderId(orderId).stream().map(MarketTimelineQuery::entry).toList();
    }

    private static TimelineEntry entry(CouponLog log) {
        String verb = switch (log.action()) {
            case LOCKED -> "locked by the order";
            case RELEASED -> "released: free again";
        };
        return TimelineEntry.of(Date.from(log.at()), TimelineServices.MARKET, "COUPON_" + log.action().name(),
                        "coupon " + log.couponId() + " " + verb)
                .with("couponId", log.couponId());
    }
}
