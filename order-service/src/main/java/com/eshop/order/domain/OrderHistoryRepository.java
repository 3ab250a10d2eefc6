package com.eshop.order.domain;

import java.util.List;

/** Read-only: the order's own logs, for the order timeline. Each list oldest first. */
public interface OrderHistoryRepository {
    List<OrderStatusChange> findStatusChanges(String orderId);

    List<AfterSaleStatusChange> findAfterSaleChanges(String orderId);
}
