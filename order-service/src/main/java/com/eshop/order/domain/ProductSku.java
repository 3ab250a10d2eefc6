package com.eshop.order.domain;

/** A product as sold (product_sku): its price in cents. */
public record ProductSku(String skuCode, String productName, int salePrice) {
}
