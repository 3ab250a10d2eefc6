package com.eshop.common.api.tms;

import com.eshop.common.api.JsonResult;

public interface TmsApi {
    /** Creates the logistic order. Idempotent per order. */
    JsonResult<LogisticOrderDTO> sendOut(SendOutRequest request);

    /** Removes the logistic order; refused once the parcel is in transit. */
    JsonResult<Boolean> cancelSendOut(String orderId);

    JsonResult<LogisticOrderDTO> getLogisticOrder(String orderId);
}
