package com.eshop.fulfill.domain;

import java.util.UUID;

/** The fulfill order of one paid order (at most one per order). */
public record FulfillOrder(String fulfillId, String orderId, String userId, int payAmount, FulfillOrderStatus status) {

    public static FulfillOrder created(String orderId, String userId, int payAmount) {
        return new FulfillOrder("FO" + UUID.randomUUID().toString().replace("-", ""), orderId, userId, payAmount,
                FulfillOrderStatus.CREATED);
    }
}
