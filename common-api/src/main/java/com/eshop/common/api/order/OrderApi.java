package com.eshop.common.api.order;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.PublicApi;

/**
 * Forward order flow of order-service: a public API, callable by hand (no signature). Every call about an existing
 * order names the user, and only the order's owner gets an answer about it. Payments are not made here: they come
 * from the payment gateway's verified notification through pay-service ({@link OrderInternalApi#payCallback}).
 */
@PublicApi
public interface OrderApi {
    /** Seata global transaction: order + coupon lock + stock lock; then the pay-timeout timer message. */
    JsonResult<CreateOrderDTO> createOrder(CreateOrderRequest createOrderRequest);

    /** Under ORDER_PAY_KEY: refuses orders that are not awaiting payment or are being cancelled. */
    JsonResult<PrePayOrderDTO> prePayOrder(PrePayOrderRequest prePayOrderRequest);

    /** ORDER_NOT_OWNED for another user's order. */
    JsonResult<OrderDetailDTO> getOrderDetail(String orderId, String userId);
}
