package com.eshop.order.domain;

import com.eshop.common.api.enums.AfterSaleStatusEnum;

import java.time.Instant;

/**
 * An after-sale (after_sale_info); a cancelled paid order has one, refunding what was paid. Its status moves only as
 * {@link AfterSaleLifecycle} allows.
 */
public record AfterSale(String afterSaleId, String orderId, String userId, int afterSaleType, AfterSaleStatusEnum status,
                        int applyRefundAmount, int realRefundAmount, Instant createdTime) {
}
