package com.eshop.common.api.tms;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

public interface TmsApi {
    /** Creates the logistic order. Idempotent per order. */
    JsonResult<LogisticOrderDTO> sendOut(SendOutRequest request);

    /** Removes the logistic order; refused once the parcel is in transit. */
    JsonResult<Boolean> cancelSendOut(String orderId);

    JsonResult<LogisticOrderDTO> getLogisticOrder(String orderId);

    /** The steps of this order held here (logistic order: created, intercepted), for the order timeline; empty when there are none. */
    JsonResult<List<TimelineEntry>> orderTimeline(String orderId);
}
