package com.eshop.consistency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The state of one order's script in a round: where it is, what the APIs answered, what they acknowledged. */
final class OrderRun {
    final OrderPlan plan;
    String userId;
    String couponId;
    volatile boolean created;
    volatile boolean finished;
    volatile int payAmount;
    volatile long expireAt;
    final Map<Integer, String> outTradeNo = new ConcurrentHashMap<>();
    /** The gateway's notification of the payment with each pay type: a repeated callback step re-delivers it. */
    final Map<Integer, String> notificationId = new ConcurrentHashMap<>();
    volatile long lastOpAt = System.currentTimeMillis();
    int step;
    int attempt;
    long stepStartedAt;
    volatile long callbackStartedAt;
    volatile boolean ackCreate;
    volatile boolean ackPayment;
    volatile boolean ackCancel;
    volatile boolean ackOutStock;

    OrderRun(OrderPlan plan) {
        this.plan = plan;
        this.userId = plan.userId();
    }
}
