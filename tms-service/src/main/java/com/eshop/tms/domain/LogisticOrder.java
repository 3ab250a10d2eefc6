package com.eshop.tms.domain;

import java.util.UUID;

/** The shipping order of one order (at most one per order). */
public record LogisticOrder(String logisticOrderId, String orderId, String fulfillId, String userId, LogisticOrderStatus status) {

    public static LogisticOrder created(String orderId, String fulfillId, String userId) {
        return new LogisticOrder("LO" + UUID.randomUUID().toString().replace("-", ""), orderId, fulfillId, userId,
                LogisticOrderStatus.CREATED);
    }
}
