package com.eshop.consistency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What {@link InvariantChecker#check} found: every violation with its evidence, and what was looked at. */
public final class CheckReport {
    private final String scope;
    private final boolean settledMode;
    private final List<Violation> violations;
    private final Map<String, Integer> statusByOrder;
    private final int ordersChecked;
    private final int messagesRead;
    private final List<String> duplicateStores;
    private final long millis;
    private final String fingerprint;

    CheckReport(String scope, boolean settledMode, List<Violation> violations, Map<String, Integer> statusByOrder,
                int ordersChecked, int messagesRead, List<String> duplicateStores, long millis, String fingerprint) {
        this.scope = scope;
        this.settledMode = settledMode;
        this.violations = List.copyOf(violations);
        this.statusByOrder = Collections.unmodifiableMap(new LinkedHashMap<>(statusByOrder));
        this.ordersChecked = ordersChecked;
        this.messagesRead = messagesRead;
        this.duplicateStores = List.copyOf(duplicateStores);
        this.millis = millis;
        this.fingerprint = fingerprint;
    }

    public boolean isClean() {
        return violations.isEmpty();
    }

    public List<Violation> violations() {
        return violations;
    }

    public List<Violation> violations(Invariant invariant) {
        return violations.stream().filter(v -> v.invariant() == invariant).toList();
    }

    /** Violations about one order. */
    public Map<String, List<Violation>> byOrder() {
        Map<String, List<Violation>> m = new LinkedHashMap<>();
        for (Violation v : violations) {
            if (v.orderId() != null) {
                m.computeIfAbsent(v.orderId(), k -> new ArrayList<>()).add(v);
            }
        }
        return m;
    }

    public Set<String> ordersWithViolations() {
        return byOrder().keySet();
    }

    public Map<Invariant, Integer> countByInvariant() {
        Map<Invariant, Integer> m = new EnumMap<>(Invariant.class);
        violations.forEach(v -> m.merge(v.invariant(), 1, Integer::sum));
        return m;
    }

    /** order_status of every existing order of the scope (absent: the order does not exist). */
    public Map<String, Integer> statusByOrder() {
        return statusByOrder;
    }

    public Map<Integer, Integer> countByStatus() {
        Map<Integer, Integer> m = new TreeMap<>();
        statusByOrder.values().forEach(s -> m.merge(s, 1, Integer::sum));
        return m;
    }

    public int ordersChecked() {
        return ordersChecked;
    }

    public int messagesRead() {
        return messagesRead;
    }

    /**
     * Transactional messages of the scope the broker stored twice under one message id (not a violation: one logical
     * message, delivered at least once, to idempotent consumers). "orderId topic msgId @queue:offset".
     */
    public List<String> duplicateStores() {
        return duplicateStores;
    }

    public long millis() {
        return millis;
    }

    /** A digest of every row read: equal digests of two checks mean nothing in scope changed. */
    public String fingerprint() {
        return fingerprint;
    }

    public String summary() {
        return String.format("%s check of %s: %d order(s) %s, %d message(s) read%s, %d violation(s)%s in %d ms", settledMode ? "settled" : "progress",
                scope, ordersChecked, countByStatus(), messagesRead,
                duplicateStores.isEmpty() ? "" : " (" + duplicateStores.size() + " stored twice by the broker)", violations.size(),
                violations.isEmpty() ? "" : " " + countByInvariant(), millis);
    }

    /** The summary and up to {@code max} violations, one per line. */
    public String format(int max) {
        StringBuilder sb = new StringBuilder(summary());
        int n = 0;
        for (Violation v : violations) {
            if (n++ == max) {
                sb.append("\n  ... ").append(violations.size() - max).append(" more");
                break;
            }
            sb.append("\n  ").append(v);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format(50);
    }
}
