package com.eshop.common.api.ops;

import com.eshop.common.api.JsonResult;

/**
 * The operator's view of one order's chain (order-service). Internal like {@code OrderInternalApi}: a call must be
 * signed with the suite's internal-API secret.
 */
public interface OrderTimelineApi {
    /**
     * Every step of the order across the seven services and the broker, oldest first. A service or the broker that
     * does not answer shows as an entry of kind {@link TimelineServices#UNAVAILABLE}; an unknown order is
     * ORDER_NOT_FOUND, a malformed id PARAM_INVALID.
     */
    JsonResult<OrderTimelineDTO> getOrderTimeline(String orderId);
}
