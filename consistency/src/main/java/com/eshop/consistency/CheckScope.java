package com.eshop.consistency;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which orders a check covers: all of them, or a given set of order ids (the other orders of a shared test JVM
 * may be mid-flight). A set may include ids whose creation was refused: the check then verifies they hold nothing.
 * An optional id prefix that every id of the set shares lets the checker read only those rows (LIKE 'prefix%').
 */
public final class CheckScope {
    private final Set<String> orderIds;
    private final String sqlPrefix;

    private CheckScope(Set<String> orderIds, String sqlPrefix) {
        this.orderIds = orderIds;
        this.sqlPrefix = sqlPrefix;
    }

    public static CheckScope all() {
        return new CheckScope(null, null);
    }

    public static CheckScope orders(Collection<String> orderIds) {
        return new CheckScope(Collections.unmodifiableSet(new LinkedHashSet<>(orderIds)), null);
    }

    /** The given ids, all starting with {@code prefix} (checked), read with {@code LIKE 'prefix%'}. */
    public static CheckScope orders(Collection<String> orderIds, String prefix) {
        for (String id : orderIds) {
            if (!id.startsWith(prefix)) {
                throw new IllegalArgumentException("order id " + id + " does not start with " + prefix);
            }
        }
        if (!prefix.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("prefix must be [A-Za-z0-9-]: " + prefix);
        }
        return new CheckScope(Collections.unmodifiableSet(new LinkedHashSet<>(orderIds)), prefix);
    }

    public boolean isAll() {
        return orderIds == null;
    }

    /** The ids of the scope; empty for {@link #all()}. */
    public Set<String> orderIds() {
        return orderIds == null ? Set.of() : orderIds;
    }

    public boolean contains(String orderId) {
        return orderId != null && (orderIds == null || orderIds.contains(orderId));
    }

    /** SQL prefix to narrow order-keyed reads, or null. */
    String sqlPrefix() {
        return sqlPrefix;
    }

    @Override
    public String toString() {
        return orderIds == null ? "all orders" : orderIds.size() + " order(s)" + (sqlPrefix == null ? "" : " " + sqlPrefix + "*");
    }
}
