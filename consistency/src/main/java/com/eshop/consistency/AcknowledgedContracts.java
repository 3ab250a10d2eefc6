package com.eshop.consistency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.eshop.consistency.OrderStatusCodes.CANCELED;
import static com.eshop.consistency.OrderStatusCodes.OUT_STOCK;
import static com.eshop.consistency.OrderStatusCodes.statusName;

/** What the APIs acknowledged to the driver (create, payment, cancel, out-stock) must hold in the end. */
final class AcknowledgedContracts {
    private AcknowledgedContracts() {
    }

    /** What the APIs acknowledged must hold in the end. */
    static List<Violation> contractViolations(Function<String, String> jdbc, Round r, String prefix) {
        Map<String, Jdbc.Row> orders = new HashMap<>();
        for (Jdbc.Row row : Jdbc.query(jdbc.apply("order_db"), "SELECT o.order_id, o.order_status, d.pay_status, d.pay_type "
                + "FROM order_info o LEFT JOIN order_payment_detail d ON d.order_id = o.order_id WHERE o.order_id LIKE ?", prefix + "%")) {
            orders.put(row.str("order_id"), row);
        }
        List<Violation> out = new ArrayList<>();
        for (OrderRun run : r.runs.values()) {
            String id = run.plan.orderId();
            Jdbc.Row row = orders.get(id);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("flow", run.plan.flow());
            ev.put("steps", run.plan.steps());
            ev.put("order", row == null ? "none" : row.asMap());
            Integer status = row == null ? null : row.integer("order_status");
            if (run.ackCreate && row == null) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_CREATE_KEPT, "order " + id, id, "createOrder answered OK but the order does not exist", ev));
            }
            if (run.ackPayment && (row == null || !Integer.valueOf(20).equals(row.integer("pay_status")))) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_PAYMENT_KEPT, "order " + id, id, "payCallback answered OK but no payment is accepted", ev));
            }
            if (run.ackCancel && (status == null || status != CANCELED)) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_CANCEL_KEPT, "order " + id, id, "cancelOrder answered OK but the order is "
                        + (status == null ? "missing" : statusName(status)), ev));
            }
            if (run.ackOutStock && (status == null || status < OUT_STOCK || status == CANCELED)) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_OUT_STOCK_KEPT, "order " + id, id, "outStock answered OK but the order is "
                        + (status == null ? "missing" : statusName(status)), ev));
            }
        }
        return out;
    }
}
