package com.eshop.support.metrics;

import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EshopMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EshopMetrics metrics = new EshopMetrics(registry);

    @Test
    void aLockIsNamedByItsKeysConstantPrefixNeverByTheId() {
        assertThat(EshopMetrics.lockPrefix(RedisLockKeyConstants.CANCEL_KEY + "O123")).isEqualTo("order:cancel");
        assertThat(EshopMetrics.lockPrefix(RedisLockKeyConstants.REFUND_MONEY_KEY + "ASO123")).isEqualTo("order:refund-money");
        assertThat(EshopMetrics.lockPrefix("plain")).isEqualTo("plain");

        metrics.lockBusy(EshopMetrics.lockPrefix(RedisLockKeyConstants.CANCEL_KEY + "O1"));
        metrics.lockBusy(EshopMetrics.lockPrefix(RedisLockKeyConstants.CANCEL_KEY + "O2"));

        assertThat(registry.counter(EshopMetrics.LOCK_BUSY, "lock", "order:cancel").count()).isEqualTo(2);
        assertThat(registry.getMeters()).hasSize(1);
    }

    @Test
    void checkBackAnswersAreTaggedAsTheBrokerNamesThem() {
        metrics.checkBack("t", LocalTransactionState.COMMIT_MESSAGE);
        metrics.checkBack("t", LocalTransactionState.ROLLBACK_MESSAGE);
        metrics.checkBack("t", LocalTransactionState.UNKNOW);

        for (String answer : new String[]{"COMMIT", "ROLLBACK", "UNKNOW"}) {
            assertThat(registry.counter(EshopMetrics.CHECK_BACKS, "topic", "t", "answer", answer).count()).isEqualTo(1);
        }
    }

    @Test
    void aDeadLetteredMessageIsAlsoADeadLetterOfItsGroup() {
        metrics.consumed("t", "g", EshopMetrics.ConsumeOutcome.RETRY);
        metrics.consumed("t", "g", EshopMetrics.ConsumeOutcome.DEAD_LETTERED);

        assertThat(registry.counter(EshopMetrics.CONSUMED, "topic", "t", "group", "g", "outcome", "retry").count()).isEqualTo(1);
        assertThat(registry.counter(EshopMetrics.CONSUMED, "topic", "t", "group", "g", "outcome", "dead_lettered").count()).isEqualTo(1);
        assertThat(registry.counter(EshopMetrics.DEAD_LETTERS, "group", "g").count()).isEqualTo(1);
    }

    @Test
    void cancelsAreCountedByTypeAndOutcome() {
        metrics.cancel(OrderCancelTypeEnum.USER_CANCELED, EshopMetrics.CancelOutcome.CANCELLED);
        metrics.cancel(OrderCancelTypeEnum.TIMEOUT_CANCELED, EshopMetrics.CancelOutcome.NOT_DUE);

        assertThat(registry.counter(EshopMetrics.ORDER_CANCELS, "type", "user", "outcome", "cancelled").count()).isEqualTo(1);
        assertThat(registry.counter(EshopMetrics.ORDER_CANCELS, "type", "timeout", "outcome", "not_due").count()).isEqualTo(1);
    }

    @Test
    void durationsBeforeTheirStartCountAsZero() {
        metrics.cancelToRefund(Duration.ofSeconds(-1));
        metrics.timeoutLateness(EshopMetrics.TimeoutSource.SCAN, Duration.ofSeconds(3));

        assertThat(registry.timer(EshopMetrics.CANCEL_TO_REFUND).count()).isEqualTo(1);
        assertThat(registry.timer(EshopMetrics.CANCEL_TO_REFUND).totalTime(java.util.concurrent.TimeUnit.SECONDS)).isZero();
        assertThat(registry.timer(EshopMetrics.TIMEOUT_LATENESS, "source", "scan").count()).isEqualTo(1);
    }

    @Test
    void aRunCountsItselfAndEveryResultEvenWhenItFoundNothing() {
        metrics.scanRun(0, 0, 0);
        metrics.reconcileRun(3, 1, 1, 1);

        assertThat(registry.counter(EshopMetrics.SCAN_RUNS).count()).isEqualTo(1);
        assertThat(registry.find(EshopMetrics.SCAN_ORDERS).counters()).hasSize(3);
        assertThat(registry.counter(EshopMetrics.RECONCILE_RUNS).count()).isEqualTo(1);
        assertThat(registry.counter(EshopMetrics.RECONCILE_ORDERS, "result", "found").count()).isEqualTo(3);
        assertThat(registry.counter(EshopMetrics.RECONCILE_ORDERS, "result", "redriven").count()).isEqualTo(1);
    }

    @Test
    void theJobsSeriesExistAtZeroBeforeTheirFirstRunAndARunCountsOnThem() {
        metrics.registerScanRuns();
        metrics.registerReconcileRuns();

        assertThat(registry.counter(EshopMetrics.SCAN_RUNS).count()).isZero();
        assertThat(registry.find(EshopMetrics.SCAN_ORDERS).counters()).hasSize(3);
        assertThat(registry.counter(EshopMetrics.RECONCILE_ORDERS, "result", "redriven").count()).isZero();
        assertThat(registry.find(EshopMetrics.RECONCILE_ORDERS).counters()).hasSize(4);

        metrics.reconcileRun(2, 1, 1, 0);

        assertThat(registry.counter(EshopMetrics.RECONCILE_ORDERS, "result", "redriven").count()).isEqualTo(1);
        assertThat(registry.find(EshopMetrics.RECONCILE_ORDERS).counters()).hasSize(4);
    }
}
