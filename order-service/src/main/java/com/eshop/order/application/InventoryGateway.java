package com.eshop.order.application;

import com.eshop.order.domain.OrderItem;

import java.util.List;

/** inventory-service: stock of an order. A refusal is thrown. */
public interface InventoryGateway {
    void lockProductStock(String orderId, List<OrderItem> items);

    /** Whether the order still holds locked stock (not yet released nor deducted). */
    boolean holdsLockedStock(String orderId);
}
