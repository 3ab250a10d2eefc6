package com.eshop.stack;

import com.xxl.job.core.biz.client.ExecutorBizClient;
import com.xxl.job.core.biz.model.ReturnT;
import com.xxl.job.core.biz.model.TriggerParam;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Stands in for the XXL-JOB admin, which the local stack does not run: triggers order-service's
 * {@code autoCancelExpiredOrderTask} handler through the executor's own {@code /run} endpoint, exactly as
 * the admin does (xxl-job-core 2.4.2 {@link ExecutorBizClient#run(TriggerParam)}: POST JSON with the
 * {@code XXL-JOB-ACCESS-TOKEN} header). Failures are logged, never thrown.
 */
final class ScanJobTrigger implements AutoCloseable {

    /** The timeout scan's job id; the reconciliation job has its own (the executor runs one thread per job id). */
    static final int SCAN_JOB_ID = 1;
    static final int RECONCILE_JOB_ID = 2;

    private final int jobId;
    private final String handler;
    private final String params;
    /** One executor per order-service instance; a trigger runs shard i of n on the i-th (sharding broadcast). */
    private final List<ExecutorBizClient> executors;
    private final Consumer<String> log;
    private final AtomicLong logId = new AtomicLong(System.currentTimeMillis());
    private final AtomicLong triggers = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean lastFailed = new AtomicBoolean(false);
    private final AtomicBoolean everOk = new AtomicBoolean(false);
    private volatile long lastFailureLogged;
    private ScheduledExecutorService scheduler;

    ScanJobTrigger(List<Integer> executorPorts, String accessToken, int jobId, String handler, String params, Consumer<String> log) {
        this.jobId = jobId;
        this.handler = handler;
        this.params = params;
        this.executors = executorPorts.stream()
                .map(port -> new ExecutorBizClient("http://" + StackPorts.HOST + ":" + port + "/", accessToken)).toList();
        this.log = log;
    }

    synchronized void start(Duration interval) {
        if (scheduler != null || interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "local-stack-job-trigger-" + handler);
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::scheduledTrigger, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void scheduledTrigger() {
        try {
            ReturnT<String> r = trigger();
            boolean ok = r != null && r.getCode() == ReturnT.SUCCESS_CODE;
            if (ok) {
                boolean first = everOk.compareAndSet(false, true);
                if (lastFailed.getAndSet(false) || first) {
                    log.accept("job " + handler + " triggered (executor answered OK)");
                }
            } else {
                onFailure(r == null ? "no answer" : r.getCode() + " " + r.getMsg());
            }
        } catch (RuntimeException e) {
            onFailure(e.toString());
        }
    }

    private void onFailure(String what) {
        failures.incrementAndGet();
        lastFailed.set(true);
        long now = System.currentTimeMillis();
        // one line per minute at most while order-service is down
        if (now - lastFailureLogged > 60_000) {
            lastFailureLogged = now;
            log.accept("job " + handler + " trigger failed (will retry on schedule): " + what);
        }
    }

    /**
     * One trigger now, as a sharding broadcast over every executor; returns the first refusal, or the last answer
     * (code 200 = accepted by all).
     */
    ReturnT<String> trigger() {
        ReturnT<String> answer = null;
        for (int shard = 0; shard < executors.size(); shard++) {
            TriggerParam p = new TriggerParam();
            p.setJobId(jobId);
            p.setExecutorHandler(handler);
            p.setExecutorParams(params);
            p.setExecutorBlockStrategy("SERIAL_EXECUTION");
            p.setExecutorTimeout(0);
            p.setLogId(logId.incrementAndGet());
            p.setLogDateTime(System.currentTimeMillis());
            p.setGlueType("BEAN");
            p.setGlueSource("");
            p.setGlueUpdatetime(0);
            p.setBroadcastIndex(shard);
            p.setBroadcastTotal(executors.size());
            triggers.incrementAndGet();
            answer = executors.get(shard).run(p);
            if (answer == null || answer.getCode() != ReturnT.SUCCESS_CODE) {
                return answer;
            }
        }
        return answer;
    }

    long triggerCount() {
        return triggers.get();
    }

    long failureCount() {
        return failures.get();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
