package com.eshop.tms.domain;

import java.util.Optional;

public interface LogisticOrderRepository {
    Optional<LogisticOrder> findByOrderId(String orderId);

    /** Reads the row with a row lock (SELECT ... FOR UPDATE; under Seata AT also the global lock). */
    Optional<LogisticOrder> lockByOrderId(String orderId);

    /** false when the order already has a logistic order. */
    boolean insert(LogisticOrder logisticOrder);

    /** CREATED -> CANCELLED; false when it was not CREATED. */
    boolean markCancelled(String logisticOrderId);
}
