package com.eshop.inventory.domain;

import java.time.Instant;

/** What one stock log row tells of its past: locked when created, released or deducted when last changed. */
public record StockLogHistory(String skuCode, int quantity, StockLogStatus status, Instant createdAt, Instant modifiedAt) {
}
