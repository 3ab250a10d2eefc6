package com.eshop.support.logging;

import org.slf4j.MDC;

/**
 * The order a log line belongs to, as the MDC key {@value #ORDER_ID} (shown by the log pattern of
 * eshop-defaults.yml). Set at the entry points (Dubbo provider calls, consumed messages, the jobs' per-order work);
 * the Seata XID is put into the MDC by Seata itself ({@code RootContext.bind}, key {@value #SEATA_XID}).
 */
public final class OrderMdc {
    public static final String ORDER_ID = "orderId";
    /** org.apache.seata.core.context.RootContext.MDC_KEY_XID */
    public static final String SEATA_XID = "X-TX-XID";

    private OrderMdc() {
    }

    /** Sets the order id until {@link Scope#close()}, which restores what was there before (nested entry points). */
    public static Scope put(String orderId) {
        String previous = MDC.get(ORDER_ID);
        if (orderId == null || orderId.isBlank()) {
            MDC.remove(ORDER_ID);
        } else {
            MDC.put(ORDER_ID, orderId);
        }
        return new Scope(previous);
    }

    public static final class Scope implements AutoCloseable {
        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(ORDER_ID);
            } else {
                MDC.put(ORDER_ID, previous);
            }
        }
    }
}
