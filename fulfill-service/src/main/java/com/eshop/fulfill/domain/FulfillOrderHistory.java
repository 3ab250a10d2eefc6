package com.eshop.fulfill.domain;

import java.time.Instant;

/** What the fulfill order row of an order tells of its past: its current status, when it was created and last changed. */
public record FulfillOrderHistory(String fulfillId, FulfillOrderStatus status, Instant createdAt, Instant modifiedAt) {
}
