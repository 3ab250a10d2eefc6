package com.eshop.common.api.order;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.PublicApi;

/** Forward order flow of order-service: a public API, callable by hand (no signature). */
@PublicApi
public interface OrderApi {
    /** Seata global transaction: order + coupon lock + stock lock; then the pay-timeout timer message. */
    JsonResult<CreateOrderDTO> createOrder(CreateOrderRequest createOrderRequest);

    /** Under ORDER_PAY_KEY: refuses orders that are not awaiting payment or are being cancelled. */
    JsonResult<PrePayOrderDTO> prePayOrder(PrePayOrderRequest prePayOrderRequest);

    /** Gateway notification. Under ORDER_PAY_KEY + CANCEL_KEY; the scenario table of section 11. */
    JsonResult<Boolean> payCallback(PayCallbackRequest payCallbackRequest);

    JsonResult<OrderDetailDTO> getOrderDetail(String orderId);
}
