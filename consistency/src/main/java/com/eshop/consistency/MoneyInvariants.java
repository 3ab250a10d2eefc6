package com.eshop.consistency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.eshop.consistency.SuiteState.*;
import static com.eshop.consistency.Evidence.merge;
import static com.eshop.consistency.Evidence.v;

/** Money: payments captured from the gateway, refunds matching what the order calls for, the after-sale of a paid cancel. */
final class MoneyInvariants {
    private MoneyInvariants() {
    }

    static void checkMoney(OrderFacts o, SuiteState d, List<Violation> out) {
        long paid = o.records().stream().mapToLong(PaymentRecord::payAmount).sum();
        long refunded = o.refunds().stream().mapToLong(Refund::amount).sum();
        Map<String, Object> money = merge(o.base(), Map.of("paid", paid, "refunded", refunded));
        checkRefundedAgainstPaid(o, paid, refunded, money, out);
        checkRefundRequests(o, d, money, out);
        checkPaymentRecords(o, out);
        checkPaymentsCaptured(o, money, out);
    }

    /**
     * Money comes in only through the gateway: every payment the order recorded (kept or refunded) is a capture of a
     * verified notification, for that trade, pay type and amount, whose transaction is PAID; and every capture reached
     * the order.
     */
    private static void checkPaymentsCaptured(OrderFacts o, Map<String, Object> money, List<Violation> out) {
        for (PaymentRecord r : o.records()) {
            boolean captured = o.captures().stream().anyMatch(c -> c.outTradeNo().equals(r.outTradeNo()) && c.payType() == r.payType()
                    && c.payAmount() == r.payAmount() && c.transactionPaid());
            if (!captured) {
                out.add(v(Invariant.PAYMENT_CAPTURED, o.orderId(), "payment " + r + " has no matching capture of a PAID transaction",
                        money, "payment_record", o.records(), "pay_capture", o.captures()));
            }
        }
        for (Capture c : o.captures()) {
            if (o.records().stream().noneMatch(r -> c.outTradeNo().equals(r.outTradeNo()))) {
                out.add(v(Invariant.PAYMENT_CAPTURED, o.orderId(), "capture " + c + " never reached the order", money,
                        "payment_record", o.records(), "pay_capture", o.captures()));
            }
        }
    }

    private static void checkRefundedAgainstPaid(OrderFacts o, long paid, long refunded, Map<String, Object> money,
                                                 List<Violation> out) {
        String orderId = o.orderId();
        List<PaymentRecord> records = o.records();
        List<Refund> refunds = o.refunds();
        long unaccepted = records.stream().filter(r -> r.status() != RECORD_ACCEPTED).mapToLong(PaymentRecord::payAmount).sum();
        if (records.isEmpty() && !refunds.isEmpty()) {
            out.add(v(Invariant.NO_PAYMENT_NO_REFUND, orderId, "refunded " + refunded + " without any payment", money, "pay_refund", refunds));
        } else if (refunded > paid) {
            out.add(v(Invariant.REFUNDED_NOT_ABOVE_PAID, orderId, "refunded " + refunded + " > paid " + paid, money,
                    "payment_record", records, "pay_refund", refunds));
        } else if (o.cancelled() && paid > 0 && refunded != paid) {
            out.add(v(Invariant.CANCELLED_REFUNDED_IN_FULL, orderId, "cancelled order paid " + paid + " but refunded " + refunded, money,
                    "payment_record", records, "pay_refund", refunds));
        } else if (!o.cancelled() && refunded != unaccepted) {
            out.add(v(Invariant.LIVE_REFUNDED_UNACCEPTED, orderId, "live order refunded " + refunded + ", its non-accepted payments are "
                    + unaccepted, money, "payment_record", records, "pay_refund", refunds));
        }
    }

    /** Each refund request executed once, and each one matching a refund intent (a non-accepted payment, a paid cancel). */
    private static void checkRefundRequests(OrderFacts o, SuiteState d, Map<String, Object> money, List<Violation> out) {
        String orderId = o.orderId();
        List<Refund> refunds = o.refunds();
        Map<String, Integer> intents = refundIntents(o);
        Map<String, Integer> timesById = new LinkedHashMap<>();
        refunds.forEach(r -> timesById.merge(r.refundRequestId(), 1, Integer::sum));
        for (Map.Entry<String, Integer> e : timesById.entrySet()) {
            int times = Math.max(e.getValue(), d.duplicateRefundIds.getOrDefault(e.getKey(), 0));
            if (times > 1) {
                out.add(v(Invariant.REFUND_REQUEST_ONCE, orderId, "refund request " + e.getKey() + " executed " + times + " times",
                        money, "pay_refund", refunds));
            }
        }
        for (Refund r : refunds) {
            Integer amount = intents.get(r.refundRequestId());
            if (amount == null || amount != r.amount()) {
                out.add(v(Invariant.REFUND_REQUEST_KNOWN, orderId, amount == null ? "refund " + r.refundRequestId() + " matches no refund intent"
                        : "refund " + r.refundRequestId() + " of " + r.amount() + " but the intent is " + amount, money,
                        "intents", intents, "pay_refund", refunds));
            }
        }
    }

    /** refund request id -> amount the order's state calls for. */
    private static Map<String, Integer> refundIntents(OrderFacts o) {
        Map<String, Integer> intents = new LinkedHashMap<>();
        for (PaymentRecord r : o.records()) {
            if (r.status() != RECORD_ACCEPTED) {
                intents.put("PAYCB-" + o.orderId() + "-" + r.payType(), r.payAmount());
            }
        }
        if (o.cancelled() && o.accepted()) {
            intents.put("REFUND-AS" + o.orderId(), o.detail().payAmount());
        }
        return intents;
    }

    private static void checkPaymentRecords(OrderFacts o, List<Violation> out) {
        List<PaymentRecord> records = o.records();
        PaymentDetail detail = o.detail();
        long acceptedRecords = records.stream().filter(r -> r.status() == RECORD_ACCEPTED).count();
        boolean recordsOk = o.accepted()
                ? acceptedRecords == 1 && records.stream().anyMatch(r -> r.status() == RECORD_ACCEPTED && Objects.equals(r.payType(), detail.payType()))
                : acceptedRecords == 0;
        if (!recordsOk) {
            out.add(v(Invariant.PAYMENT_RECORDS_CONSISTENT, o.orderId(), o.accepted() ? "accepted payment without its one ACCEPTED record"
                    : "ACCEPTED payment record without an accepted payment", o.base(), "payment_detail", detail, "payment_record", records));
        }
    }

    static void checkAfterSale(OrderFacts o, List<Violation> out) {
        List<AfterSale> afterSales = o.afterSales();
        List<AfterSaleRefund> afterSaleRefunds = o.afterSaleRefunds();
        if (o.cancelled() && o.accepted()) {
            boolean ok = afterSales.size() == 1 && afterSales.get(0).afterSaleId().equals("AS" + o.orderId())
                    && afterSales.get(0).status() == AFTER_SALE_REFUNDED && afterSaleRefunds.size() == 1
                    && afterSaleRefunds.get(0).refundStatus() == REFUND_SUCCESS && afterSaleRefunds.get(0).amount() == o.detail().payAmount();
            if (!ok) {
                out.add(v(Invariant.AFTER_SALE_FOR_PAID_CANCEL, o.orderId(), "cancelled paid order needs one refunded and completed (REFUNDED) after-sale",
                        o.base(), "payment_detail", o.detail(), "after_sale", afterSales, "after_sale_refund", afterSaleRefunds));
            }
        } else if (!afterSales.isEmpty() || !afterSaleRefunds.isEmpty()) {
            out.add(v(Invariant.AFTER_SALE_FOR_PAID_CANCEL, o.orderId(), "after-sale for an order that is not a cancelled paid order",
                    o.base(), "payment_detail", o.detail(), "after_sale", afterSales, "after_sale_refund", afterSaleRefunds));
        }
    }
}
