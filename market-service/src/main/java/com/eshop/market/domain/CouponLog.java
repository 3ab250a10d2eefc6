package com.eshop.market.domain;

import java.time.Instant;

/** One lock or release of a coupon by an order. */
public record CouponLog(String couponId, String orderId, CouponLogAction action, Instant at) {
}
