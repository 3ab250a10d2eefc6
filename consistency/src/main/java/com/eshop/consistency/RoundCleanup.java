package com.eshop.consistency;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.stack.SuiteClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/** What a round leaves behind on a shared stack: coupons it took but did not use, orders still awaiting payment. */
final class RoundCleanup {
    private final SuiteClient client;
    private final Function<String, String> jdbc;
    private final WorkloadDriver.Config config;
    private final CouponPool coupons;
    private final Consumer<String> log;

    RoundCleanup(SuiteClient client, Function<String, String> jdbc, WorkloadDriver.Config config, CouponPool coupons,
                 Consumer<String> log) {
        this.client = client;
        this.jdbc = jdbc;
        this.config = config;
        this.coupons = coupons;
        this.log = log;
    }

    /**
     * Hygiene for a shared stack (after the checks, which already recorded whatever is wrong): cancels, as their users,
     * the orders of the given rounds that are still CREATED or PAID, so that other tests waiting for "no order awaiting
     * payment or fulfillment" are not held up by what a broken chain left behind. Returns the order ids it tried.
     */
    List<String> cancelLeftovers(List<Integer> rounds) {
        List<String> tried = new ArrayList<>();
        for (int round : rounds) {
            String prefix = PlanGenerator.prefix(config.runTag(), round);
            for (Jdbc.Row row : Jdbc.query(jdbc.apply("order_db"),
                    "SELECT order_id, user_id FROM order_info WHERE order_id LIKE ? AND order_status IN (10, 20)", prefix + "%")) {
                CancelOrderRequest request = new CancelOrderRequest();
                request.setOrderId(row.str("order_id"));
                request.setUserId(row.str("user_id"));
                tried.add(row.str("order_id"));
                try {
                    JsonResult<Boolean> res = client.afterSaleApi.cancelOrder(request);
                    log.accept("clean-up: cancel of left-over order " + row.str("order_id") + ": "
                            + (res.isOk() ? "OK" : res.getErrorCode() + " " + res.getErrorMessage()));
                } catch (RuntimeException e) {
                    log.accept("clean-up: cancel of left-over order " + row.str("order_id") + " failed: " + e);
                }
            }
        }
        return tried;
    }

    void giveBackCoupons(Round r) {
        if (r.takenCoupons.isEmpty()) {
            return;
        }
        Map<String, Jdbc.Row> rows = new HashMap<>();
        for (Jdbc.Row row : Jdbc.query(jdbc.apply("market_db"), "SELECT coupon_id, used FROM user_coupon")) {
            rows.put(row.str("coupon_id"), row);
        }
        for (CouponPool.UserCoupon c : r.takenCoupons) {
            Jdbc.Row row = rows.get(c.couponId());
            if (row != null && row.lng("used") == 0) {
                coupons.giveBack(c);
            }
        }
    }
}
