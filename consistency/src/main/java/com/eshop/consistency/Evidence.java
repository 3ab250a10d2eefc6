package com.eshop.consistency;

import java.util.LinkedHashMap;
import java.util.Map;

/** Violations about an order, with the evidence they carry. */
final class Evidence {
    private Evidence() {
    }

    static Violation v(Invariant invariant, String orderId, String detail, Map<String, Object> base, Object... more) {
        Map<String, Object> ev = new LinkedHashMap<>(base);
        for (int i = 0; i + 1 < more.length; i += 2) {
            ev.put((String) more[i], more[i + 1]);
        }
        return new Violation(invariant, "order " + orderId, orderId, detail, ev);
    }

    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        b.forEach((k, val) -> m.put(m.containsKey(k) ? "coupon." + k : k, val));
        return m;
    }
}
