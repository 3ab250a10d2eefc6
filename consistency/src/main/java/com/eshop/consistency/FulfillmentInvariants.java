package com.eshop.consistency;

import java.util.List;
import java.util.Objects;

import static com.eshop.consistency.SuiteState.*;
import static com.eshop.consistency.Evidence.v;

/** Fulfillment: intercepted (rows CANCELLED) exactly when the order is cancelled, out of stock never cancelled. */
final class FulfillmentInvariants {
    private FulfillmentInvariants() {
    }

    /**
     * Interception cancels the fulfill, delivery and logistic rows (status CANCELLED) and keeps them; "live" rows are
     * all the others.
     */
    static void checkFulfillment(OrderFacts o, List<Violation> out) {
        if (o.cancelled()) {
            checkFulfillmentOfCancelled(o, out);
        } else {
            checkFulfillmentOfLive(o, out);
        }
    }

    private static void checkFulfillmentOfCancelled(OrderFacts o, List<Violation> out) {
        Rows fulfill = o.fulfill();
        Rows delivery = o.delivery();
        Rows logistic = o.logistic();
        int liveRows = Rows.live(fulfill) + Rows.live(delivery) + Rows.live(logistic);
        if (liveRows > 0) {
            out.add(v(Invariant.NO_FULFILLMENT_WHEN_CANCELLED, o.orderId(), "cancelled order still has " + liveRows
                    + " live (not CANCELLED) fulfillment row(s): its goods would still ship", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        } else if (o.anyFulfillmentRows() && !(Rows.count(fulfill) == 1 && Rows.count(delivery) == 1 && Rows.count(logistic) == 1)) {
            out.add(v(Invariant.NO_FULFILLMENT_WHEN_CANCELLED, o.orderId(), "cancelled order's intercepted fulfillment is incomplete: "
                    + "it needs exactly one CANCELLED fulfill, delivery and logistic row, or none", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        }
    }

    private static void checkFulfillmentOfLive(OrderFacts o, List<Violation> out) {
        Rows fulfill = o.fulfill();
        Rows delivery = o.delivery();
        Rows logistic = o.logistic();
        int status = o.status();
        int cancelledRows = Rows.cancelled(fulfill) + Rows.cancelled(delivery) + Rows.cancelled(logistic);
        if (cancelledRows > 0) {
            out.add(v(Invariant.INTERCEPTED_ONLY_WHEN_CANCELLED, o.orderId(), "order at " + status + " (not CANCELED) has "
                    + cancelledRows + " CANCELLED fulfillment row(s): goods intercepted for an order that stays live", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        }
        if (o.fulfilledOrLater()) {
            boolean ok = Rows.count(fulfill) == 1 && Rows.live(fulfill) == 1
                    && Rows.count(delivery) == 1 && Rows.live(delivery) == 1
                    && Rows.count(logistic) == 1 && Rows.live(logistic) == 1
                    && Objects.equals(delivery.maxLiveStatus(), DELIVERY_OUT_STOCK) == o.outStockOrLater();
            if (!ok) {
                out.add(v(Invariant.FULFILLMENT_WHEN_LIVE, o.orderId(), "order at " + status + " needs exactly one live fulfill, delivery"
                        + (o.outStockOrLater() ? " (OUT_STOCK)" : " (PICKING)") + " and logistic row, none CANCELLED", o.base(),
                        "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
            }
        } else if (status == CREATED && o.anyFulfillmentRows()) {
            out.add(v(Invariant.FULFILLMENT_WHEN_LIVE, o.orderId(), "unpaid order has fulfillment rows", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        }
    }

    static void checkOutStockVsCancel(OrderFacts o, List<Violation> out) {
        if (o.outStockOrLater() && (o.opLogs().cancels() > 0 || o.order().cancelType() != null)) {
            out.add(v(Invariant.OUT_STOCK_NEVER_CANCELLED, o.orderId(), "order out of stock but was cancelled", o.base(),
                    "cancel operate logs", o.opLogs().cancels()));
        }
        if (o.cancelled() && o.opLogs().outStocks() > 0) {
            out.add(v(Invariant.OUT_STOCK_NEVER_CANCELLED, o.orderId(), "cancelled order went out of stock", o.base(),
                    "out-stock operate logs", o.opLogs().outStocks(), "delivery", o.delivery()));
        }
    }
}
