package com.eshop.tms.domain;

import java.util.Optional;

/** Read-only: the order timeline's view of the logistic orders. */
public interface LogisticOrderHistoryRepository {
    Optional<LogisticOrderHistory> findByOrderId(String orderId);
}
