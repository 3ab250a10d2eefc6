package com.eshop.fulfill.domain;

import java.util.Optional;

/** Read-only: the order timeline's view of the fulfill orders. */
public interface FulfillOrderHistoryRepository {
    Optional<FulfillOrderHistory> findByOrderId(String orderId);
}
