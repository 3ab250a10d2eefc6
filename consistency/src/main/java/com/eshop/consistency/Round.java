package com.eshop.consistency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One round of the workload: its plans, the running scripts and what they counted. */
final class Round {
    final int number;
    final Scenario scenario;
    final String prefix;
    final List<OrderPlan> plans;
    final Map<String, OrderRun> runs = new ConcurrentHashMap<>();
    final Semaphore inFlight;
    final CountDownLatch done;
    final AtomicInteger started = new AtomicInteger();
    final AtomicLong operations = new AtomicLong();
    final Map<String, Integer> apiResults = new ConcurrentHashMap<>();
    final Map<String, Long> finalAt = new ConcurrentHashMap<>();
    final List<CouponPool.UserCoupon> takenCoupons = Collections.synchronizedList(new ArrayList<>());
    volatile StatusBoard board;

    Round(int number, Scenario scenario, String prefix, List<OrderPlan> plans, int maxInFlight) {
        this.number = number;
        this.scenario = scenario;
        this.prefix = prefix;
        this.plans = plans;
        this.inFlight = new Semaphore(maxInFlight);
        this.done = new CountDownLatch(plans.size());
    }

    void result(String key) {
        apiResults.merge(key, 1, Integer::sum);
    }

    Map<OrderPlan.Flow, Integer> flowCounts() {
        Map<OrderPlan.Flow, Integer> m = new EnumMap<>(OrderPlan.Flow.class);
        plans.forEach(p -> m.merge(p.flow(), 1, Integer::sum));
        return m;
    }
}
