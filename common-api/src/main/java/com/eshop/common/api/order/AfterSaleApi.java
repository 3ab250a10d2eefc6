package com.eshop.common.api.order;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.PublicApi;

import java.util.List;

/** Reverse (after-sale) flow of order-service: a public API, callable by hand. */
@PublicApi
public interface AfterSaleApi {
    /** Cancel before OUT_STOCK; an already cancelled order is an idempotent success. */
    JsonResult<Boolean> cancelOrder(CancelOrderRequest cancelOrderRequest);

    /** ORDER_NOT_OWNED for another user's order. */
    JsonResult<List<AfterSaleDTO>> listAfterSales(String orderId, String userId);
}
