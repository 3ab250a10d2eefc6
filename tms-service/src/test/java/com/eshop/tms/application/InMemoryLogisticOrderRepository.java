package com.eshop.tms.application;

import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import com.eshop.tms.domain.LogisticOrderStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** logistic_order in memory, keyed by the unique order_id. */
class InMemoryLogisticOrderRepository implements LogisticOrderRepository {
    final Map<String, LogisticOrder> rows = new LinkedHashMap<>();
    final List<String> statusUpdates = new ArrayList<>();

    @Override
    public Optional<LogisticOrder> findByOrderId(String orderId) {
        return Optional.ofNullable(rows.get(orderId));
    }

    @Override
    public Optional<LogisticOrder> lockByOrderId(String orderId) {
        return findByOrderId(orderId);
    }

    @Override
    public boolean insert(LogisticOrder logisticOrder) {
        return rows.putIfAbsent(logisticOrder.orderId(), logisticOrder) == null;
    }

    /** UPDATE ... SET status = CANCELLED WHERE logistic_order_id = ? AND status = CREATED */
    @Override
    public boolean markCancelled(String logisticOrderId) {
        statusUpdates.add(logisticOrderId + ":CREATED->CANCELLED");
        for (LogisticOrder r : rows.values()) {
            if (r.logisticOrderId().equals(logisticOrderId) && r.status() == LogisticOrderStatus.CREATED) {
                rows.put(r.orderId(), new LogisticOrder(r.logisticOrderId(), r.orderId(), r.fulfillId(), r.userId(),
                        LogisticOrderStatus.CANCELLED));
                return true;
            }
        }
        return false;
    }
}
