package com.eshop.fulfill.domain;

import java.util.List;
import java.util.Optional;

public interface FulfillOrderRepository {
    Optional<FulfillOrder> findByOrderId(String orderId);

    /** Reads the row with a row lock (SELECT ... FOR UPDATE; under Seata AT also the global lock). */
    Optional<FulfillOrder> lockByOrderId(String orderId);

    /** Inserts the fulfill order and its items; false (nothing inserted) when the order already has one. */
    boolean insert(FulfillOrder fulfillOrder, List<FulfillOrderItem> items);

    int countItems(String fulfillId);

    /** from -> CANCELLED (the items stay); false when the fulfill order was not at {@code from}. */
    boolean markCancelled(String fulfillId, FulfillOrderStatus from);
}
