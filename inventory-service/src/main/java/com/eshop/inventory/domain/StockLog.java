package com.eshop.inventory.domain;

/** What one order holds of one SKU; the only source of truth for releasing or deducting that order's stock. */
public record StockLog(long id, String orderId, String skuCode, int quantity, StockLogStatus status) {
}
