package com.eshop.wms.application;

import com.eshop.wms.domain.DeliveryOrder;
import com.eshop.wms.domain.DeliveryOrderItem;
import com.eshop.wms.domain.DeliveryOrderRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** delivery_order (+ items) in memory, keyed by the unique order_id, with the mapper's conditions. */
class InMemoryDeliveryOrderRepository implements DeliveryOrderRepository {
    final Map<String, DeliveryOrder> orders = new LinkedHashMap<>();
    final Map<String, List<DeliveryOrderItem>> items = new HashMap<>();
    final List<String> statusUpdates = new ArrayList<>();

    @Override
    public Optional<DeliveryOrder> findByOrderId(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Optional<DeliveryOrder> lockByOrderId(String orderId) {
        return findByOrderId(orderId);
    }

    @Override
    public boolean insert(DeliveryOrder deliveryOrder, List<DeliveryOrderItem> lines) {
        if (orders.putIfAbsent(deliveryOrder.orderId(), deliveryOrder) != null) {
            return false;
        }
        items.put(deliveryOrder.deliveryOrderId(), lines);
        return true;
    }

    @Override
    public boolean markOutStock(String deliveryOrderId) {
        for (DeliveryOrder d : orders.values()) {
            if (d.deliveryOrderId().equals(deliveryOrderId) && d.status() == DeliveryOrderStatus.PICKING) {
                orders.put(d.orderId(), new DeliveryOrder(d.deliveryOrderId(), d.orderId(), d.fulfillId(),
                        DeliveryOrderStatus.OUT_STOCK));
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean markCancelled(String deliveryOrderId) {
        statusUpdates.add(deliveryOrderId + ":PICKING->CANCELLED");
        for (DeliveryOrder d : orders.values()) {
            if (d.deliveryOrderId().equals(deliveryOrderId) && d.status() == DeliveryOrderStatus.PICKING) {
                orders.put(d.orderId(), new DeliveryOrder(d.deliveryOrderId(), d.orderId(), d.fulfillId(),
                        DeliveryOrderStatus.CANCELLED));
                return true;
            }
        }
        return false;
    }
}
