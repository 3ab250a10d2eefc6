package com.eshop.consistency;

import java.util.List;
import java.util.Map;

import static com.eshop.consistency.SuiteState.*;
import static com.eshop.consistency.Evidence.merge;

/** Coupons: a live order holds the coupon it names, a cancelled one none, a free coupon names no order. */
final class CouponInvariants {
    private CouponInvariants() {
    }

    /** The coupons held by this order (those naming it), and the coupon it names. */
    static void checkCouponsOfOrder(OrderFacts o, SuiteState d, List<Violation> out) {
        String orderId = o.orderId();
        OrderRow order = o.order();
        Map<String, Object> base = o.base();
        String subject = "order " + orderId;
        for (Coupon c : d.coupons.values()) {
            if (!orderId.equals(c.orderId())) {
                continue;
            }
            if (c.used() != 1) {
                out.add(new Violation(Invariant.COUPON_FREE_CLEAN, "coupon " + c.couponId(), orderId,
                        "unused coupon still names order " + orderId, merge(c.evidence(), base)));
            } else if (o.cancelled()) {
                out.add(new Violation(Invariant.CANCELLED_HOLDS_NO_COUPON, subject, orderId,
                        "cancelled order still holds coupon " + c.couponId(), merge(base, c.evidence())));
            } else if (!c.couponId().equals(order.couponId())) {
                out.add(new Violation(Invariant.COUPON_HELD_BY_LIVE_ORDER, "coupon " + c.couponId(), orderId,
                        "coupon held by an order that names coupon " + order.couponId(), merge(c.evidence(), base)));
            }
        }
        if (!o.cancelled() && order.couponId() != null) {
            Coupon c = d.coupons.get(order.couponId());
            if (c == null || c.used() != 1 || !orderId.equals(c.orderId())) {
                out.add(new Violation(Invariant.LIVE_HOLDS_ITS_COUPON, subject, orderId, "live order does not hold its coupon "
                        + order.couponId(), merge(base, c == null ? Map.of("coupon", "missing") : c.evidence())));
            }
        }
    }

    static void checkCoupons(CheckScope scope, SuiteState d, List<Violation> out) {
        if (!scope.isAll()) {
            return; // a scoped check judges only the coupons naming its orders (in checkOrder)
        }
        for (Coupon c : d.coupons.values()) {
            if (c.used() == 1 && c.orderId() == null) {
                out.add(new Violation(Invariant.COUPON_HELD_BY_LIVE_ORDER, "coupon " + c.couponId(), null,
                        "used coupon names no order", c.evidence()));
            }
        }
    }
}
