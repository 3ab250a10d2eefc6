package com.eshop.wms.domain;

import java.util.UUID;

/** The picking order of one order (at most one per order). */
public record DeliveryOrder(String deliveryOrderId, String orderId, String fulfillId, DeliveryOrderStatus status) {

    public static DeliveryOrder picking(String orderId, String fulfillId) {
        return new DeliveryOrder("DO" + UUID.randomUUID().toString().replace("-", ""), orderId, fulfillId,
                DeliveryOrderStatus.PICKING);
    }
}
