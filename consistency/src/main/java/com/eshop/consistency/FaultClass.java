package com.eshop.consistency;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The fault classes the workload can inject, each switchable on its own (chaos.sh --faults). */
public enum FaultClass {
    /** Every consumed message handled twice (mq.duplicate-delivery on order, inventory, market). */
    DUPLICATE_DELIVERY("dup"),
    /** A fraction of consume attempts fail (mq.consume-failure on order, inventory, market): retries. */
    CONSUME_FAILURE("consume-fail"),
    /** The pay gateway refuses a fraction of refunds (pay.refund-failure on pay-service). */
    REFUND_FAILURE("refund-fail"),
    /** The pay gateway refunds but answers too late for a fraction of refunds (pay.refund-timeout): the caller times out. */
    REFUND_TIMEOUT("refund-timeout"),
    /** Fulfillment interception fails after its local deletes (fulfill.interception-failure on fulfill-service). */
    INTERCEPTION_FAILURE("intercept-fail"),
    /** No pay-timeout message is sent (order.drop-pay-timeout-message): only the scan can cancel. */
    DROP_TIMEOUT_MESSAGE("drop-timeout"),
    /** order-service dies (halt, like kill -9) between a transactional message's local commit and its commit, then restarts. */
    KILL_ORDER_SERVICE("kill-order"),
    /** kill -9 of another service JVM mid-run, then restart. */
    KILL_SERVICE("kill-service"),
    /** Graceful restart of the RocketMQ broker mid-run. */
    BROKER_RESTART("broker"),
    /** Redis restart mid-run (every Redisson lock is lost). */
    REDIS_RESTART("redis"),
    /** Seata TC restart mid-run. */
    SEATA_RESTART("seata");

    private final String flag;

    FaultClass(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    /** Switched through a rate (vs an event such as a kill or a restart). */
    public boolean isRate() {
        return switch (this) {
            case DUPLICATE_DELIVERY, CONSUME_FAILURE, REFUND_FAILURE, REFUND_TIMEOUT, INTERCEPTION_FAILURE, DROP_TIMEOUT_MESSAGE -> true;
            default -> false;
        };
    }

    public static FaultClass byFlag(String flag) {
        String f = flag.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.flag.equals(f) || c.name().equalsIgnoreCase(f)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + flag + "', known: "
                        + Arrays.stream(values()).map(FaultClass::flag).toList()));
    }

    public static Set<FaultClass> none() {
        return EnumSet.noneOf(FaultClass.class);
    }
}
