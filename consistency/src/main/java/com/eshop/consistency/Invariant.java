package com.eshop.consistency;

/** The invariants of docs/design.md "Invariants", split into checks that each name one kind of broken state. */
public enum Invariant {
    // stock
    STOCK_CONSERVED("available + locked + sold of a SKU equals its baseline"),
    STOCK_MATCHES_LOG("locked (sold) stock of a SKU equals the sum of its LOCKED (DEDUCTED) stock-log rows; nothing negative"),
    CANCELLED_HOLDS_NO_STOCK("a CANCELED order has no LOCKED or DEDUCTED stock rows"),
    CANCELLED_RELEASED_ITS_STOCK("a CANCELED order has a RELEASED stock row for each item, with the item's quantity"),
    LIVE_HOLDS_ITS_STOCK("a live order holds its items' stock: LOCKED before OUT_STOCK, DEDUCTED from OUT_STOCK on"),
    NO_STOCK_WITHOUT_ORDER("an order id that does not exist holds no stock"),
    // coupons
    COUPON_HELD_BY_LIVE_ORDER("a coupon with used=1 is held by a live order that names it"),
    COUPON_FREE_CLEAN("a coupon with used=0 names no order"),
    CANCELLED_HOLDS_NO_COUPON("a cancelled order holds no coupon"),
    LIVE_HOLDS_ITS_COUPON("a live order with a coupon holds it"),
    // money
    REFUNDED_NOT_ABOVE_PAID("refunded <= paid"),
    CANCELLED_REFUNDED_IN_FULL("a CANCELED order that received money is refunded in full"),
    LIVE_REFUNDED_UNACCEPTED("a live order is refunded exactly its non-accepted payments"),
    NO_PAYMENT_NO_REFUND("an order without payment has no refund"),
    REFUND_REQUEST_ONCE("no refund_request_id twice"),
    REFUND_REQUEST_KNOWN("every gateway refund is one of the order's refund intents, for its amount"),
    PAYMENT_CAPTURED("every payment an order recorded is a capture of a verified gateway notification (same trade, pay type and "
            + "amount, transaction PAID), and every capture reached its order"),
    PAYMENT_RECORDS_CONSISTENT("an accepted payment (pay_status=20) has exactly one ACCEPTED payment record of its pay type, and vice versa"),
    AFTER_SALE_FOR_PAID_CANCEL("a cancelled paid order has exactly one after-sale, refunded and completed (REFUNDED); no other order has one"),
    // fulfillment
    NO_FULFILLMENT_WHEN_CANCELLED("no live (not CANCELLED) fulfill / delivery / logistic row for a CANCELED order; "
            + "if it was intercepted, exactly one CANCELLED row of each"),
    FULFILLMENT_WHEN_LIVE("a live order at FULFILL or later has exactly one fulfill, delivery and logistic row, all live "
            + "(not CANCELLED); an unpaid or unknown order has none"),
    INTERCEPTED_ONLY_WHEN_CANCELLED("a CANCELLED fulfill / delivery / logistic row belongs to a CANCELED order "
            + "(no goods intercepted for an order that stays live)"),
    OUT_STOCK_NEVER_CANCELLED("an OUT_STOCK order was never cancelled; a CANCELED order never went out of stock"),
    // outcome
    ONE_TERMINAL_OUTCOME("after settling every order is CANCELED (exactly once) or alive at FULFILL/OUT_STOCK; none CREATED or PAID"),
    CREATED_NOT_TOO_LONG("no CREATED order older than expire time + scan interval + tolerance"),
    // messages
    RELEASE_ASSETS_IFF_CANCELLED("release_assets_topic holds exactly one message keyed by the order id iff the order is CANCELED"),
    PAID_SUCCESS_IFF_ACCEPTED("paid_order_success_topic holds exactly one message keyed by the order id iff a payment was accepted"),
    ACTUAL_REFUND_PER_AFTER_SALE("actual_refund_topic holds exactly one message per after-sale (keyed by after_sale_id), none without one"),
    DLQ_EMPTY("no message in a dead-letter queue (work that was never done)"),
    // what the APIs acknowledged to the workload (checked by WorkloadDriver, not by the checker)
    ACKNOWLEDGED_CREATE_KEPT("an order whose creation was acknowledged exists"),
    ACKNOWLEDGED_PAYMENT_KEPT("an order whose pay callback was acknowledged (OK) has an accepted payment"),
    ACKNOWLEDGED_CANCEL_KEPT("an order whose cancel was acknowledged (OK) is CANCELED"),
    ACKNOWLEDGED_OUT_STOCK_KEPT("an order whose out-stock was acknowledged (OK) is OUT_STOCK");

    private final String description;

    Invariant(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
