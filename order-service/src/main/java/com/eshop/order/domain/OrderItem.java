package com.eshop.order.domain;

/** One line of an order (order_item); originAmount = salePrice x saleQuantity. */
public record OrderItem(String orderItemId, String orderId, String skuCode, String productName, int salePrice,
                        int saleQuantity, int originAmount) {
}
