package com.eshop.common.api.order;

import com.eshop.common.api.JsonResult;

/**
 * order-service's service-to-service API. Like every API of the six other services it is internal: a call must be
 * signed with the suite's internal-API secret ({@link com.eshop.common.api.InternalApiSignature}), so only the
 * suite's own services can call it; {@link OrderApi} and {@link AfterSaleApi} are the public ones.
 */
public interface OrderInternalApi {
    /**
     * The pay system's pay callback (sections 10, 11), called by pay-service once it has verified the gateway's
     * notification and captured the payment. Under ORDER_PAY_KEY + CANCEL_KEY: the order becomes PAID, or the
     * payment it does not keep is refused with ORDER_CANCEL_PAY_CALLBACK_REFUNDED / ORDER_PAY_TYPE_REPEAT_REFUNDED
     * after pay-service refunded it. Idempotent: the gateway re-delivers.
     */
    JsonResult<Boolean> payCallback(PayCallbackRequest payCallbackRequest);

    /** Called by WMS inside its out-stock global transaction: FULFILL -> OUT_STOCK. */
    JsonResult<Boolean> confirmOutStock(String orderId);

    /**
     * Whether the order's cancellation is globally committed (read under Seata's global lock): the condition for
     * releasing its stock and coupon.
     */
    JsonResult<Boolean> isCancellationCommitted(String orderId);
}
