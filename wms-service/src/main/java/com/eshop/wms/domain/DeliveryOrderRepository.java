package com.eshop.wms.domain;

import java.util.List;
import java.util.Optional;

public interface DeliveryOrderRepository {
    Optional<DeliveryOrder> findByOrderId(String orderId);

    /** Reads the row with a row lock (SELECT ... FOR UPDATE; under Seata AT also the global lock). */
    Optional<DeliveryOrder> lockByOrderId(String orderId);

    /** Inserts the order and its items; false (nothing inserted) when the order already has a delivery order. */
    boolean insert(DeliveryOrder deliveryOrder, List<DeliveryOrderItem> items);

    /** PICKING -> OUT_STOCK; false when it was not PICKING. */
    boolean markOutStock(String deliveryOrderId);

    /** PICKING -> CANCELLED (the items stay); false when it was not PICKING. */
    boolean markCancelled(String deliveryOrderId);
}
