package com.eshop.order.application;

import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderItem;

import java.util.List;

/** fulfill-service: fulfillment and its interception. A refusal is thrown. */
public interface FulfillGateway {
    void receiveOrderFulfill(Order order, List<OrderItem> items);

    /** Fulfillment interception; a refusal (goods already left) is thrown and rolls back the caller's global transaction. */
    void cancelFulfill(String orderId);
}
