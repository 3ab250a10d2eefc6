package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;

import java.time.Instant;

/** What a cancel request does to an order in its committed state (sections 7, 8 and 5 for the timeout). */
public enum CancelDecision {
    /** Already CANCELED: nothing to do, and the cancel is an idempotent success. */
    ALREADY_CANCELLED,
    /** A timeout cancel of an order that is not (or no longer) unpaid and expired: left alone. */
    NOT_DUE,
    /** The goods have left the warehouse (or the order is otherwise past cancelling): refused. */
    REFUSED,
    /** Cancel it. */
    CANCEL;

    public static CancelDecision decide(Order order, OrderCancelTypeEnum cancelType, Instant now) {
        if (order.status() == OrderStatusEnum.CANCELED) {
            return ALREADY_CANCELLED;
        }
        if (cancelType == OrderCancelTypeEnum.TIMEOUT_CANCELED && !order.isDueForTimeout(now)) {
            return NOT_DUE;
        }
        if (!OrderStatusTransitions.isCancellable(order.status())) {
            return REFUSED;
        }
        return CANCEL;
    }
}
