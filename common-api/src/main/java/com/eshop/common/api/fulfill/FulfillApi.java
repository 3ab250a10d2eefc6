package com.eshop.common.api.fulfill;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

public interface FulfillApi {
    /** Creates the fulfill order and, through WMS and TMS, the delivery and logistic orders. Idempotent per order. */
    JsonResult<FulfillOrderDTO> receiveOrderFulfill(ReceiveFulfillRequest request);

    /**
     * Fulfillment interception: cancels the fulfill order, then picking (WMS) and shipping (TMS). Each is cancelled
     * by its status (CANCELLED, the row kept), never deleted, so an unfinished global transaction keeps its locks.
     */
    JsonResult<Boolean> cancelFulfill(CancelFulfillRequest cancelFulfillRequest);

    JsonResult<FulfillOrderDTO> getFulfillOrder(String orderId);

    /** The steps of this order held here (fulfill order: created, intercepted), for the order timeline; empty when there are none. */
    JsonResult<List<TimelineEntry>> orderTimeline(String orderId);
}
