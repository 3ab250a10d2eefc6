package com.eshop.common.api.order;

import com.eshop.common.api.JsonResult;

/**
 * order-service's service-to-service API. Like every API of the six other services it is internal: a call must be
 * signed with the suite's internal-API secret ({@link com.eshop.common.api.InternalApiSignature}), so only the
 * suite's own services can call it; {@link OrderApi} and {@link AfterSaleApi} are the public ones.
 */
public interface OrderInternalApi {
    /** Called by WMS inside its out-stock global transaction: FULFILL -> OUT_STOCK. */
    JsonResult<Boolean> confirmOutStock(String orderId);

    /**
     * Whether the order's cancellation is globally committed (read under Seata's global lock): the condition for
     * releasing its stock and coupon.
     */
    JsonResult<Boolean> isCancellationCommitted(String orderId);
}
