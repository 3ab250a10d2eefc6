package com.eshop.wms.domain;

import java.util.Optional;

/** Read-only: the order timeline's view of the delivery (picking) orders. */
public interface DeliveryOrderHistoryRepository {
    Optional<DeliveryOrderHistory> findByOrderId(String orderId);
}
