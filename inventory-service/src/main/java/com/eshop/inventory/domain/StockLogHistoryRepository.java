package com.eshop.inventory.domain;

import java.util.List;

/** Read-only: the order timeline's view of the stock log. */
public interface StockLogHistoryRepository {
    /** The order's rows sorted by SKU code. */
    List<StockLogHistory> findByOrderId(String orderId);
}
