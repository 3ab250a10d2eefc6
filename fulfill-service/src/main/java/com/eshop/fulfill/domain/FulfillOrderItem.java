package com.eshop.fulfill.domain;

public record FulfillOrderItem(String skuCode, String productName, int saleQuantity, int salePrice) {
}
