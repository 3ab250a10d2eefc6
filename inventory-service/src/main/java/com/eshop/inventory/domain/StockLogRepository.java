package com.eshop.inventory.domain;

import java.util.List;

/** Stock log rows, unique per (order, SKU). */
public interface StockLogRepository {
    /** The order's rows sorted by SKU code. */
    List<StockLog> findByOrderId(String orderId);

    /**
     * The order's rows as committed: read under their global locks, so rows written by an unfinished global
     * transaction (which may still be rolled back) are waited for, then refused with LOCK_BUSY, instead of taken as done.
     */
    List<StockLog> findCommittedByOrderId(String orderId);

    /** Inserts a LOCKED row; false when the order already has a row for this SKU. */
    boolean insertLocked(String orderId, String skuCode, int quantity);

    /** Moves the row from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean transition(long id, StockLogStatus from, StockLogStatus to);
}
