package com.eshop.market.domain;

import java.util.List;

/** The coupon log: written in the transaction that locks or releases the coupon, read by the order timeline. */
public interface CouponLogRepository {
    void record(String couponId, String orderId, CouponLogAction action);

    /** The order's entries, oldest first. */
    List<CouponLog> findByOrderId(String orderId);
}
