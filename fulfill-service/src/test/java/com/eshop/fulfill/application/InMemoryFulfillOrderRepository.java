package com.eshop.fulfill.application;

import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderItem;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** order_fulfill (+ items) in memory, keyed by the unique order_id. */
class InMemoryFulfillOrderRepository implements FulfillOrderRepository {
    final Map<String, FulfillOrder> orders = new LinkedHashMap<>();
    final Map<String, List<FulfillOrderItem>> items = new HashMap<>();
    final List<String> statusUpdates = new ArrayList<>();

    @Override
    public Optional<FulfillOrder> findByOrderId(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Optional<FulfillOrder> lockByOrderId(String orderId) {
        return findByOrderId(orderId);
    }

    @Override
    public boolean insert(FulfillOrder fulfillOrder, List<FulfillOrderItem> lines) {
        if (orders.putIfAbsent(fulfillOrder.orderId(), fulfillOrder) != null) {
            return false;
        }
        items.put(fulfillOrder.fulfillId(), lines);
        return true;
    }

    @Override
    public int countItems(String fulfillId) {
        return items.getOrDefault(fulfillId, List.of()).size();
    }

    /** UPDATE ... SET status = CANCELLED WHERE fulfill_id = ? AND status = from */
    @Override
    public boolean markCancelled(String fulfillId, FulfillOrderStatus from) {
        statusUpdates.add(fulfillId + ":" + from + "->CANCELLED");
        for (FulfillOrder o : orders.values()) {
            if (o.fulfillId().equals(fulfillId) && o.status() == from) {
                orders.put(o.orderId(), new FulfillOrder(o.fulfillId(), o.orderId(), o.userId(), o.payAmount(),
                        FulfillOrderStatus.CANCELLED));
                return true;
            }
        }
        return false;
    }
}
