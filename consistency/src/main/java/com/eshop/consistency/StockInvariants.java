package com.eshop.consistency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.eshop.consistency.SuiteState.*;
import static com.eshop.consistency.Evidence.v;

/** Stock: conserved and matching the stock log per SKU; held, deducted or released per order as its status says. */
final class StockInvariants {
    private StockInvariants() {
    }

    static void checkStock(SuiteState d, StockBaseline baseline, List<Violation> out) {
        Set<String> skus = new TreeSet<>(d.stock.keySet());
        if (baseline != null) {
            skus.addAll(baseline.bySku().keySet());
        }
        for (String sku : skus) {
            long[] now = d.stock.get(sku);
            long[] logs = d.logSums.getOrDefault(sku, new long[2]);
            Map<String, Object> ev = new LinkedHashMap<>();
            if (now != null) {
                ev.put("available", now[0]);
                ev.put("locked", now[1]);
                ev.put("sold", now[2]);
            } else {
                ev.put("product_stock", "missing");
            }
            ev.put("sum LOCKED log rows", logs[0]);
            ev.put("sum DEDUCTED log rows", logs[1]);
            if (baseline != null) {
                StockBaseline.Stock b = baseline.bySku().get(sku);
                Map<String, Object> bev = new LinkedHashMap<>(ev);
                bev.put("baseline", b == null ? "missing" : b.available() + "+" + b.locked() + "+" + b.sold() + "=" + b.total());
                long total = now == null ? -1 : now[0] + now[1] + now[2];
                if (b == null || now == null || total != b.total()) {
                    out.add(new Violation(Invariant.STOCK_CONSERVED, "sku " + sku, null,
                            "available+locked+sold = " + total + ", baseline " + (b == null ? "none" : b.total())
                                    + (b != null && now != null ? " (" + signed(total - b.total()) + ")" : ""), bev));
                }
            }
            if (now != null && (now[1] != logs[0] || now[2] != logs[1] || now[0] < 0 || now[1] < 0 || now[2] < 0)) {
                out.add(new Violation(Invariant.STOCK_MATCHES_LOG, "sku " + sku, null,
                        "locked " + now[1] + " vs LOCKED rows " + logs[0] + ", sold " + now[2] + " vs DEDUCTED rows " + logs[1], ev));
            }
        }
    }

    private static String signed(long v) {
        return v >= 0 ? "+" + v : String.valueOf(v);
    }

    static void checkStockOfOrder(OrderFacts o, List<Violation> out) {
        String orderId = o.orderId();
        List<StockLog> logs = o.logs();
        Map<String, Integer> items = o.items();
        if (o.cancelled()) {
            List<StockLog> held = logs.stream().filter(l -> l.status() == LOG_LOCKED || l.status() == LOG_DEDUCTED).toList();
            if (!held.isEmpty()) {
                out.add(v(Invariant.CANCELLED_HOLDS_NO_STOCK, orderId, "cancelled order still holds stock", o.base(), "stock_log", logs));
            }
            for (Map.Entry<String, Integer> item : items.entrySet()) {
                boolean released = logs.stream().anyMatch(l -> l.sku().equals(item.getKey()) && l.status() == LOG_RELEASED
                        && l.quantity() == item.getValue());
                if (!released && held.isEmpty()) {
                    out.add(v(Invariant.CANCELLED_RELEASED_ITS_STOCK, orderId, "item " + item.getKey() + "x" + item.getValue()
                            + " has no RELEASED stock row", o.base(), "items", items, "stock_log", logs));
                }
            }
        } else {
            int want = o.outStockOrLater() ? LOG_DEDUCTED : LOG_LOCKED;
            boolean ok = logs.size() == items.size() && items.entrySet().stream().allMatch(item -> logs.stream().anyMatch(l ->
                    l.sku().equals(item.getKey()) && l.quantity() == item.getValue() && l.status() == want));
            if (!ok) {
                out.add(v(Invariant.LIVE_HOLDS_ITS_STOCK, orderId, "live order should hold its items' stock as "
                        + StockLog.statusName(want), o.base(), "items", items, "stock_log", logs));
            }
        }
    }
}
