package com.eshop.tms.domain;

import java.time.Instant;

/** What the logistic order row of an order tells of its past: its current status, when it was created and last changed. */
public record LogisticOrderHistory(String logisticOrderId, LogisticOrderStatus status, Instant createdAt, Instant modifiedAt) {
}
