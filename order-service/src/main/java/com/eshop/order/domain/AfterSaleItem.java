package com.eshop.order.domain;

/** One returned line of an after-sale (after_sale_item) with its share of the refund. */
public record AfterSaleItem(String afterSaleId, String orderId, String skuCode, String productName, int returnQuantity,
                            int applyRefundAmount, int realRefundAmount) {
}
