package com.eshop.support.error;

import java.util.Collection;
import java.util.regex.Pattern;

/** Input validation shared by the API implementations; each failure is PARAM_INVALID and changes nothing. */
public final class Checks {
    /** Ids: letters, digits, '-' and '_', at most 64 characters. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
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
        notNull(value, name);
        if (!ID.matcher(value).matches()) {
            throw BizException.invalid(name + " must be 1-64 letters, digits, '-' or '_'");
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
