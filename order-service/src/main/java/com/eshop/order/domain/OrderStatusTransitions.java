package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderStatusEnum;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.eshop.common.api.enums.OrderStatusEnum.CANCELED;
import static com.eshop.common.api.enums.OrderStatusEnum.CREATED;
import static com.eshop.common.api.enums.OrderStatusEnum.DELIVERY;
import static com.eshop.common.api.enums.OrderStatusEnum.FULFILL;
import static com.eshop.common.api.enums.OrderStatusEnum.OUT_STOCK;
import static com.eshop.common.api.enums.OrderStatusEnum.PAID;
import static com.eshop.common.api.enums.OrderStatusEnum.SIGNED;

/**
 * The order state machine: the one place that says which status change is legal. Every status write is a
 * conditional update {@code WHERE order_status = from} of a transition allowed here.
 */
public final class OrderStatusTransitions {
    private static final Map<OrderStatusEnum, Set<OrderStatusEnum>> ALLOWED = Map.of(
            CREATED, EnumSet.of(PAID, CANCELED),
            PAID, EnumSet.of(FULFILL, CANCELED),
            FULFILL, EnumSet.of(OUT_STOCK, CANCELED),
            OUT_STOCK, EnumSet.of(DELIVERY),
            DELIVERY, EnumSet.of(SIGNED),
            SIGNED, EnumSet.noneOf(OrderStatusEnum.class),
            CANCELED, EnumSet.noneOf(OrderStatusEnum.class));

    private OrderStatusTransitions() {
    }

    public static boolean canTransit(OrderStatusEnum from, OrderStatusEnum to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Cancellable before the goods leave the warehouse (section 7: manual cancel before OUT_STOCK). */
    public static boolean isCancellable(OrderStatusEnum status) {
        return canTransit(status, CANCELED);
    }
}
