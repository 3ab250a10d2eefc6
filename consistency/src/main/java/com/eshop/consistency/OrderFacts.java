package com.eshop.consistency;

import java.util.List;
import java.util.Map;

import static com.eshop.consistency.SuiteState.*;

/** Everything the suite holds about one order, read from {@link SuiteState}; {@code order} (and so {@code base}) may be null. */
record OrderFacts(String orderId, OrderRow order, Map<String, Integer> items, List<StockLog> logs,
                  PaymentDetail detail, List<PaymentRecord> records, List<Capture> captures, List<Refund> refunds,
                  List<AfterSale> afterSales, List<AfterSaleRefund> afterSaleRefunds,
                  Rows fulfill, Rows delivery, Rows logistic, OpLogs opLogs, Map<String, Object> base) {
    static OrderFacts of(String orderId, SuiteState d) {
        OrderRow order = d.orders.get(orderId);
        return new OrderFacts(orderId, order, d.items.getOrDefault(orderId, Map.of()),
                d.stockLogs.getOrDefault(orderId, List.of()), d.details.get(orderId),
                d.records.getOrDefault(orderId, List.of()), d.captures.getOrDefault(orderId, List.of()),
                d.refunds.getOrDefault(orderId, List.of()),
                d.afterSales.getOrDefault(orderId, List.of()), d.afterSaleRefunds.getOrDefault(orderId, List.of()),
                d.fulfill.get(orderId), d.delivery.get(orderId), d.logistic.get(orderId),
                d.opLogs.getOrDefault(orderId, new OpLogs(0, 0)), order == null ? null : order.evidence());
    }

    int status() {
        return order.status();
    }

    boolean cancelled() {
        return status() == CANCELED;
    }

    boolean fulfilledOrLater() {
        return status() >= FULFILL && status() < CANCELED;
    }

    boolean outStockOrLater() {
        return status() >= OUT_STOCK && status() < CANCELED;
    }

    boolean accepted() {
        return detail != null && detail.accepted();
    }

    boolean anyFulfillmentRows() {
        return fulfill != null || delivery != null || logistic != null;
    }
}
