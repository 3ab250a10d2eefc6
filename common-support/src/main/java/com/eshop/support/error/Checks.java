package com.eshop.support.error;

import java.util.Collection;
import java.util.regex.Pattern;

/** Input validation shared by the API implementations; each failure is PARAM_INVALID and changes nothing. */
public final class Checks {
    /** Ids: letters, digits, '-' and '_', at most {@link #MAX_ID_LENGTH} characters. */
    private static final Pattern ID_CHARS = Pattern.compile("[A-Za-z0-9_-]+");
    public static final int MAX_ID_LENGTH = 64;
    /** Upper bound for any amount in cents (10 million yuan); also keeps sums far from int overflow. */
    public static final int MAX_AMOUNT = 1_000_000_000;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_ITEMS = 100;

    private Checks() {
    }

    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw BizException.invalid(name + " is required");
        }
        return value;
    }

    public static String id(String value, String name) {
        return id(value, name, MAX_ID_LENGTH);
    }

    /** An id derived from other ids (e.g. a refund request id built from an order id) may be longer. */
    public static String id(String value, String name, int maxLength) {
        notNull(value, name);
        if (value.isEmpty() || value.length() > maxLength || !ID_CHARS.matcher(value).matches()) {
            throw BizException.invalid(name + " must be 1-" + maxLength + " letters, digits, '-' or '_'");
        }
        return value;
    }

    public static int positiveAmount(Integer value, String name) {
        notNull(value, name);
        if (value <= 0 || value > MAX_AMOUNT) {
            throw BizException.invalid(name + " must be between 1 and " + MAX_AMOUNT);
        }
        return value;
    }

    public static int positiveQuantity(Integer value, String name) {
        notNull(value, name);
        if (value <= 0 || value > MAX_QUANTITY) {
            throw BizException.invalid(name + " must be between 1 and " + MAX_QUANTITY);
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C values, String name) {
        notNull(values, name);
        if (values.isEmpty() || values.size() > MAX_ITEMS) {
            throw BizException.invalid(name + " must hold 1 to " + MAX_ITEMS + " entries");
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw BizException.invalid(name + " must not contain null");
        }
        return values;
    }
}
