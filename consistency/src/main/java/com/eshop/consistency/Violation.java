package com.eshop.consistency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One broken invariant: which one, about what (an order id, SKU, coupon or consumer group), a sentence saying what
 * is wrong, and the evidence (the row values it was judged on).
 *
 * @param invariant one of {@link Invariant}
 * @param subject   "order O123", "sku SKU-1001", "coupon CP-U1001-1", "group %DLQ%..."
 * @param orderId   the order the violation is about, or null when it is about a SKU or a group
 */
public record Violation(Invariant invariant, String subject, String orderId, String detail, Map<String, Object> evidence) {

    public Violation {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    @Override
    public String toString() {
        String ev = evidence.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        return "[" + invariant + "] " + subject + ": " + detail + "  evidence " + ev;
    }
}
