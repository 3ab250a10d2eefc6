package com.eshop.consistency;

import com.eshop.common.api.FaultPoints;
import com.eshop.stack.ServiceSpec;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
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
    /** Fulfillment interception fails after its local cancellation (fulfill.interception-failure on fulfill-service). */
    INTERCEPTION_FAILURE("intercept-fail"),
    /** No pay-timeout message is sent (order.drop-pay-timeout-message): only the scan can cancel. */
    DROP_TIMEOUT_MESSAGE("drop-timeout"),
    /**
     * Messages of the cancel chain lost on their way to the broker (the refund request, the stock and coupon
     * releases, the gateway's refund notification): only the reconciliation job can finish those orders.
     */
    LOST_MESSAGES("lost-messages"),
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
            case DUPLICATE_DELIVERY, CONSUME_FAILURE, REFUND_FAILURE, REFUND_TIMEOUT, INTERCEPTION_FAILURE, DROP_TIMEOUT_MESSAGE,
                 LOST_MESSAGES -> true;
            default -> false;
        };
    }

    public static FaultClass byFlag(String flag) {
        String f = flag.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.flag.equals(f) || c.name().equalsIgnoreCase(f)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + flag + "', known: "
                        + Arrays.stream(values()).map(FaultClass::flag).toList()));
    }

    /**
     * The classes that were really injected, judged from {@link FaultInjector#injected()}'s keys ("service point"
     * for a switched point that fired, "kill -9 service", "restart ..."), not from what a plan asked for.
     */
    public static Set<FaultClass> injected(Map<String, Long> injectedCounts) {
        Set<FaultClass> classes = none();
        injectedCounts.forEach((key, count) -> {
            if (count <= 0) {
                return;
            }
            if (key.endsWith(" " + FaultPoints.MQ_DUPLICATE_DELIVERY)) {
                classes.add(DUPLICATE_DELIVERY);
            } else if (key.endsWith(" " + FaultPoints.MQ_CONSUME_FAILURE)) {
                classes.add(CONSUME_FAILURE);
            } else if (key.endsWith(" " + FaultPoints.PAY_REFUND_FAILURE)) {
                classes.add(REFUND_FAILURE);
            } else if (key.endsWith(" " + FaultPoints.PAY_REFUND_TIMEOUT)) {
                classes.add(REFUND_TIMEOUT);
            } else if (key.endsWith(" " + FaultPoints.FULFILL_INTERCEPTION_FAILURE)) {
                classes.add(INTERCEPTION_FAILURE);
            } else if (key.endsWith(" " + FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE)) {
                classes.add(DROP_TIMEOUT_MESSAGE);
            } else if (key.contains(" " + FaultPoints.LOST_SEND_PREFIX)) {
                classes.add(LOST_MESSAGES);
            } else if (key.startsWith(ServiceSpec.ORDER + " " + FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX)
                    || key.equals(ServiceSpec.ORDER + " " + FaultPoints.ORDER_HALT_INSIDE_CANCEL_TRANSACTION)) {
                classes.add(KILL_ORDER_SERVICE);
            } else if (ServiceSpec.ALL.stream().anyMatch(s -> key.equals("kill -9 " + s.name()))) {
                classes.add(KILL_SERVICE);
            } else if (key.equals("restart rocketmq broker")) {
                classes.add(BROKER_RESTART);
            } else if (key.equals("restart redis")) {
                classes.add(REDIS_RESTART);
            } else if (key.equals("restart seata-tc")) {
                classes.add(SEATA_RESTART);
            }
        });
        return classes;
    }

    public static Set<FaultClass> none() {
        return EnumSet.noneOf(FaultClass.class);
    }
}
