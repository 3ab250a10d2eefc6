package com.eshop.support.metrics;

import com.eshop.common.api.enums.OrderCancelTypeEnum;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.client.producer.LocalTransactionState;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The suite's business metrics, named {@code eshop.*} (Prometheus: {@code eshop_*}) with low-cardinality tags only:
 * never an order, after-sale or message id. Every service gets one (EshopSupportAutoConfiguration); the README
 * lists the names and tags. Series that only a fault or a scheduled run would create are registered at zero at start
 * ({@code register*}), so that alert rules and dashboards (deploy/prometheus, deploy/grafana) read 0, not no data.
 */
public class EshopMetrics {
    public static final String CHECK_BACKS = "eshop.mq.check.backs";
    public static final String CONSUMED = "eshop.mq.consumed";
    public static final String DEAD_LETTERS = "eshop.mq.dead.letters";
    /** A gauge per consumer group, registered by DeadLetterDepth. */
    public static final String DLQ_DEPTH = "eshop.mq.dlq.depth";
    public static final String LOCK_BUSY = "eshop.lock.busy";
    public static final String ADMISSION_LIMIT = "eshop.admission.limit";
    public static final String DUBBO_PROVIDER_CALLS = "eshop.dubbo.provider.calls";
    public static final String ORDER_CANCELS = "eshop.order.cancels";
    public static final String CANCEL_TO_REFUND = "eshop.order.cancel.to.refund";
    public static final String TIMEOUT_LATENESS = "eshop.order.timeout.lateness";
    public static final String SCAN_RUNS = "eshop.order.scan.runs";
    public static final String SCAN_ORDERS = "eshop.order.scan.orders";
    public static final String RECONCILE_RUNS = "eshop.order.reconcile.runs";
    public static final String RECONCILE_ORDERS = "eshop.order.reconcile.orders";

    private static final List<String> SCAN_RESULTS = List.of("found", "cancelled", "failed");
    private static final List<String> RECONCILE_RESULTS = List.of("found", "settled", "redriven", "failed");

    public enum ConsumeOutcome { SUCCESS, RETRY, DEAD_LETTERED }

    public enum CancelOutcome { CANCELLED, ALREADY_CANCELLED, NOT_DUE, REFUSED, FAILED }

    /** How a timeout cancel found its order: the pay-timeout message or the expired-order scan. */
    public enum TimeoutSource { MESSAGE, SCAN }

    private final MeterRegistry registry;

    public EshopMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Over a registry of its own: for code run without a Spring context (tests, tools). */
    public static EshopMetrics unregistered() {
        return new EshopMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One answer to the broker's check-back of a transactional message: COMMIT, ROLLBACK or UNKNOW. */
    public void checkBack(String topic, LocalTransactionState answer) {
        registry.counter(CHECK_BACKS, "topic", topic, "answer", answerTag(answer)).increment();
    }

    /** Every answer of the topic's check-backs at zero: the broker checks back only when a sender did not answer. */
    public void registerCheckBacks(String topic) {
        for (LocalTransactionState answer : LocalTransactionState.values()) {
            registry.counter(CHECK_BACKS, "topic", topic, "answer", answerTag(answer));
        }
    }

    private static String answerTag(LocalTransactionState answer) {
        return switch (answer) {
            case COMMIT_MESSAGE -> "COMMIT";
            case ROLLBACK_MESSAGE -> "ROLLBACK";
            case UNKNOW -> "UNKNOW";
        };
    }

    /** Every outcome of the consumer and its dead letters at zero: retries and dead letters come with faults only. */
    public void registerConsumer(String topic, String group) {
        for (ConsumeOutcome outcome : ConsumeOutcome.values()) {
            registry.counter(CONSUMED, "topic", topic, "group", group, "outcome", tagValue(outcome));
        }
        registry.counter(DEAD_LETTERS, "group", group);
    }

    public void consumed(String topic, String group, ConsumeOutcome outcome) {
        registry.counter(CONSUMED, "topic", topic, "group", group, "outcome", tagValue(outcome)).increment();
        if (outcome == ConsumeOutcome.DEAD_LETTERED) {
            registry.counter(DEAD_LETTERS, "group", group).increment();
        }
    }

    /**
     * A lock request refused with LOCK_BUSY, tagged with the key's constant prefix ({@code order:cancel}), never the
     * id after it; a multi-lock joins its keys' prefixes with '+'.
     */
    public void lockBusy(String lockPrefix) {
        registry.counter(LOCK_BUSY, "lock", lockPrefix).increment();
    }

    /** The lock's refusals at zero ({@link #lockBusy}'s tag: the key prefix, or prefixes joined with '+'). */
    public void registerLock(String lockPrefix) {
        registry.counter(LOCK_BUSY, "lock", lockPrefix);
    }

    /** The prefix of a lock key: everything before its last ':' ({@code order:cancel:O1} → {@code order:cancel}). */
    public static String lockPrefix(String key) {
        int end = key.lastIndexOf(':');
        return end > 0 ? key.substring(0, end) : key;
    }

    public Timer dubboProviderCall(String service, String method, boolean failed) {
        return registry.timer(DUBBO_PROVIDER_CALLS, "service", service, "method", method, "outcome", failed ? "exception" : "success");
    }

    public void cancel(OrderCancelTypeEnum type, CancelOutcome outcome) {
        String typeTag = type == OrderCancelTypeEnum.TIMEOUT_CANCELED ? "timeout" : "user";
        registry.counter(ORDER_CANCELS, "type", typeTag, "outcome", tagValue(outcome)).increment();
    }

    /** From the order's cancel to its after-sale turning REFUNDED (the gateway's notification). */
    public void cancelToRefund(Duration duration) {
        registry.timer(CANCEL_TO_REFUND).record(nonNegative(duration));
    }

    /** From an order's expire time to its timeout cancel. */
    public void timeoutLateness(TimeoutSource source, Duration lateness) {
        registry.timer(TIMEOUT_LATENESS, "source", tagValue(source)).record(nonNegative(lateness));
    }

    public void scanRun(int found, int cancelled, int failed) {
        registry.counter(SCAN_RUNS).increment();
        add(SCAN_ORDERS, "found", found);
        add(SCAN_ORDERS, "cancelled", cancelled);
        add(SCAN_ORDERS, "failed", failed);
    }

    /** The scan's series at zero before its first run (the job runs every minute; an alert watches that it does). */
    public void registerScanRuns() {
        registerRuns(SCAN_RUNS, SCAN_ORDERS, SCAN_RESULTS);
    }

    public void reconcileRun(int found, int settled, int redriven, int failed) {
        registry.counter(RECONCILE_RUNS).increment();
        add(RECONCILE_ORDERS, "found", found);
        add(RECONCILE_ORDERS, "settled", settled);
        add(RECONCILE_ORDERS, "redriven", redriven);
        add(RECONCILE_ORDERS, "failed", failed);
    }

    /** The reconciliation's series at zero before its first run. */
    public void registerReconcileRuns() {
        registerRuns(RECONCILE_RUNS, RECONCILE_ORDERS, RECONCILE_RESULTS);
    }

    private void registerRuns(String runs, String orders, List<String> results) {
        registry.counter(runs);
        results.forEach(result -> registry.counter(orders, "result", result));
    }

    private void add(String name, String result, int amount) {
        // registered even at 0, so a run that found nothing still shows every series
        registry.counter(name, "result", result).increment(amount);
    }

    private static String tagValue(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Clocks of different JVMs and a database's second-precision times can put the end a little before the start. */
    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
