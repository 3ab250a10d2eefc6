package com.eshop.consistency;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One client operation (or wait) of an order's script. */
public sealed interface Step {
    /** createOrder with the plan's items, user and coupon; the order id is chosen by the client. */
    record Create() implements Step {
        @Override
        public String toString() {
            return "create";
        }
    }

    record PrePay(int payType) implements Step {
        @Override
        public String toString() {
            return "prePay(" + payType + ")";
        }
    }

    /** The gateway's notification, retried as a gateway retries until it gets a definitive answer. */
    record Callback(int payType) implements Step {
        @Override
        public String toString() {
            return "callback(" + payType + ")";
        }
    }

    record Cancel() implements Step {
        @Override
        public String toString() {
            return "cancel";
        }
    }

    /** WMS out-stock: the goods leave the warehouse. */
    record OutStock() implements Step {
        @Override
        public String toString() {
            return "outStock";
        }
    }

    /** Triggers the expired-order scan job (XXL-JOB handler) now. */
    record Scan() implements Step {
        @Override
        public String toString() {
            return "scan";
        }
    }

    record Pause(long millis) implements Step {
        @Override
        public String toString() {
            return "pause(" + millis + "ms)";
        }
    }

    /** Waits (bounded) until the order's status is one of {@code statuses}; goes on either way. */
    record AwaitStatus(Set<Integer> statuses, long timeoutMillis) implements Step {
        @Override
        public String toString() {
            return "await" + statuses;
        }
    }

    /** Waits until the order's expire time + {@code offsetMillis} (negative: before it). */
    record AwaitExpiry(long offsetMillis) implements Step {
        @Override
        public String toString() {
            return "awaitExpiry(" + (offsetMillis >= 0 ? "+" : "") + offsetMillis + "ms)";
        }
    }

    /** Runs the steps at the same moment on separate threads (e.g. pay callback vs cancel). */
    record Race(List<Step> steps) implements Step {
        @Override
        public String toString() {
            return steps.stream().map(Step::toString).collect(Collectors.joining(" || ", "race(", ")"));
        }
    }

    /** True for steps that call an API. */
    default boolean isOperation() {
        return !(this instanceof Pause || this instanceof AwaitStatus || this instanceof AwaitExpiry);
    }
}
