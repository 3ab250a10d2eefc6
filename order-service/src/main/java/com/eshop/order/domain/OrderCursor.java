package com.eshop.order.domain;

import java.time.Instant;

/** An order's place in a keyset page: its id and the time the page is ordered by (expire or cancel time). */
public record OrderCursor(String orderId, Instant time) {
    /** Before every order. */
    public static OrderCursor start(Instant from) {
        return new OrderCursor("", from);
    }
}
