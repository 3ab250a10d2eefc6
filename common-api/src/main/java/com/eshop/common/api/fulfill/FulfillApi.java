package com.eshop.common.api.fulfill;

import com.eshop.common.api.JsonResult;

public interface FulfillApi {
    /** Creates the fulfill order and, through WMS and TMS, the delivery and logistic orders. Idempotent per order. */
    JsonResult<FulfillOrderDTO> receiveOrderFulfill(ReceiveFulfillRequest request);

    /** Fulfillment interception: removes the fulfill order, then cancels picking (WMS) and shipping (TMS). */
    JsonResult<Boolean> cancelFulfill(CancelFulfillRequest cancelFulfillRequest);

    JsonResult<FulfillOrderDTO> getFulfillOrder(String orderId);
}
