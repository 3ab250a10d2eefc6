package com.eshop.market.application;

import com.eshop.market.domain.CouponLog;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponLogRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The coupon log in memory. */
class InMemoryCouponLogRepository implements CouponLogRepository {
    private final List<CouponLog> couponLog = new ArrayList<>();

    @Override
    public void record(String couponId, String orderId, CouponLogAction action) {
        couponLog.add(new CouponLog(couponId, orderId, action, Instant.now()));
    }

    @Override
    public List<CouponLog> findByOrderId(String orderId) {
        return couponLog.stream().filter(entry -> entry.orderId().equals(orderId)).toList();
    }
}
