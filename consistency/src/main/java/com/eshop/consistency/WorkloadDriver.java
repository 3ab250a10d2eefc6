package com.eshop.consistency;

import com.eshop.stack.LocalStack;
import com.eshop.stack.SuiteClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs rounds of orders through seeded, random interleavings of the real Dubbo APIs ({@link SuiteClient}), with a
 * pool of workers, under a {@link Scenario}'s faults; then waits (bounded) until the system settled and checks the
 * round's orders with the {@link InvariantChecker}.
 *
 * <p>The plan of a round (orders, flows, users, coupon wishes, items, steps) is fixed by the seed
 * ({@link PlanGenerator}); timing is the system's. The driver acts as the clients and as the payment gateway: a pay
 * callback is retried until it gets a definitive answer (as a gateway retries its notifications), a user's cancel a
 * few times on transient errors, a create with the same client-chosen order id. Waits are timers, not blocked
 * workers, so a few workers keep hundreds of orders in flight.
 *
 * <p>A round's parts: the orders' scripts ({@link OrderScripts}), its fault events ({@link RoundFaultEvents}),
 * settling ({@link RoundSettling}), what the APIs acknowledged ({@link AcknowledgedContracts}), and the clean-up
 * ({@link RoundCleanup}).
 */
public final class WorkloadDriver implements AutoCloseable {

    /** Settings of a driver; every duration has a default that suits the local stack. */
    public record Config(long seed, String runTag, int workers, int maxInFlight, Duration payTimeout, Duration scanInterval,
                         boolean triggerScan, Duration settleTimeout, Duration callbackRetryWindow, Duration crashArmTime,
                         boolean createGate) {
        public static Config defaults(long seed, Duration payTimeout) {
            return new Config(seed, "S" + Long.toString(Math.abs(seed), 36), 8, 24, payTimeout, Duration.ofSeconds(5), true,
                    payTimeout.plusSeconds(150), Duration.ofSeconds(180), Duration.ofSeconds(25), true);
        }

        /**
         * With the gate (default) the driver never runs two creates that share a SKU at the same time: concurrent
         * creates of one SKU conflict on Seata's global lock of its product_stock row and most of them are refused
         * (SYSTEM_ERROR), which would leave few orders for the cancellation chain. Everything else stays concurrent.
         */
        public Config withCreateGate(boolean gate) {
            return new Config(seed, runTag, workers, maxInFlight, payTimeout, scanInterval, triggerScan, settleTimeout, callbackRetryWindow, crashArmTime, gate);
        }

        public Config withRunTag(String tag) {
            return new Config(seed, tag, workers, maxInFlight, payTimeout, scanInterval, triggerScan, settleTimeout, callbackRetryWindow, crashArmTime, createGate);
        }

        public Config withWorkers(int n) {
            return new Config(seed, runTag, n, Math.max(maxInFlight, n), payTimeout, scanInterval, triggerScan, settleTimeout, callbackRetryWindow, crashArmTime, createGate);
        }

        public Config withMaxInFlight(int n) {
            return new Config(seed, runTag, workers, n, payTimeout, scanInterval, triggerScan, settleTimeout, callbackRetryWindow, crashArmTime, createGate);
        }

        /**
         * @param interval how often the scan job runs (the checker's CREATED-age allowance)
         * @param trigger  whether the driver triggers it itself on that interval (false: the stack's schedule does)
         */
        public Config withScan(Duration interval, boolean trigger) {
            return new Config(seed, runTag, workers, maxInFlight, payTimeout, interval, trigger, settleTimeout, callbackRetryWindow, crashArmTime, createGate);
        }

        public Config withSettleTimeout(Duration d) {
            return new Config(seed, runTag, workers, maxInFlight, payTimeout, scanInterval, triggerScan, d, callbackRetryWindow, crashArmTime, createGate);
        }
    }

    /** Everything a round produced, for the report table. */
    public record RoundResult(int round, Scenario scenario, int orders, int created, long operations,
                              Map<String, Long> faultsInjected, List<FaultInjector.Event> events, CheckReport report,
                              List<Violation> violations, boolean settled, List<Long> settleMillis,
                              int unsettledOrders, long durationMillis, Map<String, Integer> outcomes,
                              Map<String, Integer> apiResults, Map<OrderPlan.Flow, Integer> flows) {
        public long faultCount() {
            return faultsInjected.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Per order: from its last operation to its final state, ascending. */
        public RoundResult {
            settleMillis = settleMillis.stream().sorted().toList();
        }

        public long settleMaxMillis() {
            return percentile(settleMillis, 1.0);
        }

        public long settleP99Millis() {
            return percentile(settleMillis, 0.99);
        }
    }

    /** The q-quantile (nearest rank) of ascending values; 0 for none. */
    static long percentile(List<Long> ascending, double q) {
        return ascending.isEmpty() ? 0 : ascending.get(Math.max(0, (int) Math.ceil(ascending.size() * q) - 1));
    }

    private final LocalStack stack;
    private final Function<String, String> jdbc;
    private final Config config;
    private final FaultInjector faults;
    private final InvariantChecker checker;
    private final PlanGenerator planner;
    private final Consumer<String> log;

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ExecutorService racers;

    private final OrderScripts scripts;
    private final RoundFaultEvents faultEvents;
    private final RoundSettling settling;
    private final RoundCleanup cleanup;

    public WorkloadDriver(LocalStack stack, SuiteClient client, Function<String, String> jdbcUrlOfDatabase, Config config,
                          CouponPool coupons, FaultInjector faults, InvariantChecker checker, Consumer<String> log) {
        this.stack = stack;
        this.jdbc = jdbcUrlOfDatabase;
        this.config = config;
        this.faults = faults;
        this.checker = checker;
        this.planner = PlanGenerator.forDemoData(config.seed());
        this.log = log;
        this.workers = Executors.newFixedThreadPool(config.workers(), threads("workload-worker"));
        this.timer = Executors.newScheduledThreadPool(2, threads("workload-timer"));
        this.racers = Executors.newCachedThreadPool(threads("workload-race"));
        this.scripts = new OrderScripts(stack, client, config, coupons, log, workers, timer, racers);
        this.faultEvents = new RoundFaultEvents(faults, config, log);
        this.settling = new RoundSettling(checker, config, log);
        this.cleanup = new RoundCleanup(client, jdbcUrlOfDatabase, config, coupons, log);
    }

    public Config config() {
        return config;
    }

    /** The plan of a round, without running it. */
    public List<OrderPlan> plan(int round, int orders) {
        return planner.generate(config.runTag(), round, orders);
    }

    public RoundResult runRound(int round, Scenario scenario, int orders) {
        long t0 = System.currentTimeMillis();
        String prefix = PlanGenerator.prefix(config.runTag(), round);
        List<OrderPlan> plans = plan(round, orders);
        Round r = new Round(round, scenario, prefix, plans, config.maxInFlight());
        log.accept(String.format(Locale.ROOT, "round %d %s: %d orders (%s)", round, scenario, orders, r.flowCounts()));

        StockBaseline baseline = checker.captureBaseline();
        FaultMark before = applyFaults(scenario);
        RoundHelpers helpers = startHelpers(r);
        CheckScope scope = CheckScope.orders(plans.stream().map(OrderPlan::orderId).toList(), prefix);
        ScheduledFuture<?> tracker = startTracking(r, scope, baseline);
        runWorkload(r, helpers.faultThread(), tracker);
        long workloadMillis = System.currentTimeMillis() - t0;
        log.accept(String.format(Locale.ROOT, "round %d: workload done in %.1f s (%d operations), settling ...", round,
                workloadMillis / 1000.0, r.operations.get()));

        boolean settled = settling.settle(r, scope, baseline);
        helpers.stop();
        CheckReport report = checker.check(scope, baseline, InvariantChecker.Mode.SETTLED);
        List<Violation> violations = new ArrayList<>(report.violations());
        violations.addAll(AcknowledgedContracts.contractViolations(jdbc, r, prefix));
        cleanup.giveBackCoupons(r);
        return result(r, t0, before, report, violations, settled);
    }

    /** The fault counters and events before a round, so that the round's own can be told apart afterwards. */
    private record FaultMark(Map<String, Long> injected, int events) {
    }

    /** Harvests what earlier rounds injected, marks the counters, then arms the scenario's faults. */
    private FaultMark applyFaults(Scenario scenario) {
        faults.harvest();
        FaultMark before = new FaultMark(faults.injected(), faults.events().size());
        faults.apply(scenario.faults());
        return before;
    }

    /** What runs beside a round's scripts: the status board, the scan triggers (if the driver sends them), the fault events. */
    private record RoundHelpers(StatusBoard board, ScheduledFuture<?> scans, Thread faultThread) {
        /** After settling: the board and the scan triggers (the fault events ended with the workload). */
        void stop() {
            board.stop();
            if (scans != null) {
                scans.cancel(false);
            }
        }
    }

    private RoundHelpers startHelpers(Round r) {
        StatusBoard board = new StatusBoard(jdbc, r.prefix);
        r.board = board;
        Thread boardThread = daemon("workload-status-board", board);
        boardThread.start();
        ScheduledFuture<?> scans = null;
        if (config.triggerScan()) {
            long ms = config.scanInterval().toMillis();
            scans = timer.scheduleWithFixedDelay(() -> {
                try {
                    stack.triggerScanJob();
                    stack.triggerReconcileJob();
                } catch (RuntimeException ignored) {
                    // order-service down: the next trigger
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
        Thread faultThread = daemon("workload-faults", () -> faultEvents.run(r));
        faultThread.start();
        return new RoundHelpers(board, scans, faultThread);
    }

    /** Checks the round every 2 s while it runs (see {@link RoundSettling#track}). */
    private ScheduledFuture<?> startTracking(Round r, CheckScope scope, StockBaseline baseline) {
        return timer.scheduleWithFixedDelay(() -> {
            try {
                settling.track(r, scope, baseline);
            } catch (RuntimeException e) {
                // next time
            }
        }, 2000, 2000, TimeUnit.MILLISECONDS);
    }

    /** Runs the scripts and the fault events to their end (bounded), then stops tracking and turns every fault off. */
    private void runWorkload(Round r, Thread faultThread, ScheduledFuture<?> tracker) {
        try {
            scripts.feed(r);
            if (!r.done.await(config.payTimeout().toMillis() + config.callbackRetryWindow().toMillis() + 600_000, TimeUnit.MILLISECONDS)) {
                log.accept("round " + r.number + ": scripts still running after the bound; settling anyway");
            }
            faultThread.join(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            tracker.cancel(false);
            List<String> notOff = faults.clearAll();
            if (!notOff.isEmpty()) {
                log.accept("round " + r.number + ": fault points not verified off: " + notOff);
            }
        }
    }

    private RoundResult result(Round r, long t0, FaultMark before, CheckReport report, List<Violation> violations,
                               boolean settled) {
        faults.harvest();
        Map<String, Long> injected = injectedSince(before);
        List<FaultInjector.Event> events = faults.events().subList(before.events(), faults.events().size());
        SettleTimes settleTimes = settleTimes(r);
        Map<String, Integer> outcomes = outcomes(r.plans, report);
        int created = (int) r.plans.stream().filter(p -> report.statusByOrder().containsKey(p.orderId())).count();
        RoundResult result = new RoundResult(r.number, r.scenario, r.plans.size(), created, r.operations.get(), injected,
                List.copyOf(events), report, violations, settled, settleTimes.millis(), settleTimes.unsettled(),
                System.currentTimeMillis() - t0, outcomes, new TreeMap<>(r.apiResults), r.flowCounts());
        log.accept(String.format(Locale.ROOT, "round %d %s: %s; %d violation(s); settle max %.1f s p99 %.1f s%s; %s",
                r.number, r.scenario, outcomes, violations.size(), result.settleMaxMillis() / 1000.0,
                result.settleP99Millis() / 1000.0,
                settled ? "" : " (NOT SETTLED, " + settleTimes.unsettled() + " order(s))", report.summary()));
        return result;
    }

    /** The faults injected since the mark, by counter (only those that grew). */
    private Map<String, Long> injectedSince(FaultMark before) {
        Map<String, Long> injected = new TreeMap<>();
        faults.injected().forEach((k, v) -> {
            long delta = v - before.injected().getOrDefault(k, 0L);
            if (delta > 0) {
                injected.put(k, delta);
            }
        });
        return injected;
    }

    /** Per settled order: from its last operation to its final state; and how many orders never reached one. */
    private record SettleTimes(List<Long> millis, int unsettled) {
    }

    private static SettleTimes settleTimes(Round r) {
        List<Long> settleTimes = new ArrayList<>();
        int unsettled = 0;
        for (OrderRun run : r.runs.values()) {
            Long at = r.finalAt.get(run.plan.orderId());
            if (at == null) {
                unsettled++;
            } else {
                settleTimes.add(Math.max(0, at - run.lastOpAt));
            }
        }
        return new SettleTimes(settleTimes, unsettled);
    }

    /** How many of the planned orders ended in each status ("not created" for those the suite has not). */
    private static Map<String, Integer> outcomes(List<OrderPlan> plans, CheckReport report) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (OrderPlan p : plans) {
            Integer st = report.statusByOrder().get(p.orderId());
            outcomes.merge(st == null ? "not created" : OrderStatusCodes.statusName(st), 1, Integer::sum);
        }
        return outcomes;
    }

    /**
     * Hygiene for a shared stack (after the checks, which already recorded whatever is wrong): cancels, as their users,
     * the orders of the given rounds that are still CREATED or PAID, so that other tests waiting for "no order awaiting
     * payment or fulfillment" are not held up by what a broken chain left behind. Returns the order ids it tried.
     */
    public List<String> cancelLeftovers(List<Integer> rounds) {
        return cleanup.cancelLeftovers(rounds);
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
        racers.shutdownNow();
    }

    /** Faults of a set of rounds, for a report (unused classes omitted). */
    static Set<FaultClass> union(List<RoundResult> results) {
        Set<FaultClass> s = EnumSet.noneOf(FaultClass.class);
        results.forEach(r -> s.addAll(r.scenario().faults()));
        return s;
    }
}
