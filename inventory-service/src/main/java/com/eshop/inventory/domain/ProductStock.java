package com.eshop.inventory.domain;

/** Stock of one SKU: available for sale, locked by unpaid or unshipped orders, and sold (left the warehouse). */
public record ProductStock(String skuCode, String productName, int saleStockQuantity, int lockedStockQuantity,
                           int saledStockQuantity) {
}
