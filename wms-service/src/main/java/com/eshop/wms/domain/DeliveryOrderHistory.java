package com.eshop.wms.domain;

import java.time.Instant;

/** What the delivery (picking) order row of an order tells of its past: its current status, when it was created and last changed. */
public record DeliveryOrderHistory(String deliveryOrderId, DeliveryOrderStatus status, Instant createdAt, Instant modifiedAt) {
}
