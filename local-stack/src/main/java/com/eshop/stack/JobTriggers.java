package com.eshop.stack;

import com.xxl.job.core.biz.model.ReturnT;

import java.time.Duration;
import java.util.List;

/**
 * The XXL-JOB triggers of order-service's expired-order scan and reconciliation jobs, as the XXL-JOB admin would send
 * them: on the configured schedule, and once on demand.
 */
final class JobTriggers {
    private final LocalStackConfig config;
    private final StackProgress progress;
    /** Null until the schedule starts (never in a stack without order-service). */
    private ScanJobTrigger scanTrigger;
    private ScanJobTrigger reconcileTrigger;

    JobTriggers(LocalStackConfig config, StackProgress progress) {
        this.config = config;
        this.progress = progress;
    }

    /** The XXL-JOB executors of the stack's order-service instances, in shard order. */
    private List<Integer> executorPorts() {
        return config.scaleOut() ? List.of(StackPorts.XXL_JOB_EXECUTOR, StackPorts.XXL_JOB_EXECUTOR_REPLICA)
                : List.of(StackPorts.XXL_JOB_EXECUTOR);
    }

    private ScanJobTrigger newScanTrigger() {
        return new ScanJobTrigger(executorPorts(), config.xxlJobAccessToken(), ScanJobTrigger.SCAN_JOB_ID,
                config.scanJobHandler(), config.scanJobParams(), progress::line);
    }

    private ScanJobTrigger newReconcileTrigger() {
        return new ScanJobTrigger(executorPorts(), config.xxlJobAccessToken(), ScanJobTrigger.RECONCILE_JOB_ID,
                LocalStack.RECONCILE_JOB_HANDLER, "", progress::line);
    }

    /** Starts both jobs' schedules (a zero or missing interval: that job only on demand). */
    void startSchedules() {
        scanTrigger = newScanTrigger();
        startSchedule(scanTrigger, config.scanJobHandler(), config.scanInterval());
        reconcileTrigger = newReconcileTrigger();
        startSchedule(reconcileTrigger, LocalStack.RECONCILE_JOB_HANDLER, config.reconcileInterval());
    }

    private void startSchedule(ScanJobTrigger trigger, String handler, Duration interval) {
        if (interval != null && !interval.isZero() && !interval.isNegative()) {
            trigger.start(interval);
            progress.line("job " + handler + " will be triggered every " + interval.toSeconds()
                    + " s via " + executorPorts().size() + " executor(s) from http://" + StackPorts.HOST + ":" + StackPorts.XXL_JOB_EXECUTOR + "/run");
        }
    }

    boolean triggerScanJob() {
        ScanJobTrigger t = scanTrigger != null ? scanTrigger : newScanTrigger();
        return triggerOnce(t, config.scanJobHandler());
    }

    boolean triggerReconcileJob() {
        ScanJobTrigger t = reconcileTrigger != null ? reconcileTrigger : newReconcileTrigger();
        return triggerOnce(t, LocalStack.RECONCILE_JOB_HANDLER);
    }

    private boolean triggerOnce(ScanJobTrigger trigger, String handler) {
        try {
            ReturnT<String> r = trigger.trigger();
            boolean ok = r != null && r.getCode() == ReturnT.SUCCESS_CODE;
            if (!ok) {
                progress.line("job " + handler + " trigger refused: " + (r == null ? "no answer" : r.getCode() + " " + r.getMsg()));
            }
            return ok;
        } catch (RuntimeException e) {
            progress.line("job " + handler + " trigger failed: " + e);
            return false;
        }
    }

    /** Scan-job triggers sent so far by the schedule and {@link #triggerScanJob()} of the scheduled trigger. */
    long scanTriggerCount() {
        return scanTrigger == null ? 0 : scanTrigger.triggerCount();
    }

    /** The summary's lines about the schedules. */
    void appendSummary(StringBuilder sb) {
        if (scanTrigger != null && config.scanInterval() != null && !config.scanInterval().isZero()) {
            sb.append("  scan job ").append(config.scanJobHandler()).append(" triggered every ")
                    .append(config.scanInterval().toSeconds()).append(" s\n");
        }
        if (reconcileTrigger != null && config.reconcileInterval() != null && !config.reconcileInterval().isZero()) {
            sb.append("  reconciliation job ").append(LocalStack.RECONCILE_JOB_HANDLER).append(" triggered every ")
                    .append(config.reconcileInterval().toSeconds()).append(" s\n");
        }
    }

    /** Stops the schedules: they would only log failures while order-service goes down. */
    void close() {
        if (scanTrigger != null) {
            scanTrigger.close();
        }
        if (reconcileTrigger != null) {
            reconcileTrigger.close();
        }
    }
}
