package com.eshop.inventory.domain;

/** A quantity of one SKU requested by an order. */
public record StockLine(String skuCode, int quantity) {
}
