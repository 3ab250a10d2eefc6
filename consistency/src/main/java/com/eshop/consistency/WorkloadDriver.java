package com.eshop.consistency;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.stack.LocalStack;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.stack.SuiteClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    /**
     * Settling gives up when nothing changed this long (what is left will stay): every wait of the chain is shorter
     * (pay timeout of the tests and chaos runs, scan interval, consumer retry delay, check-back interval).
     */
    private static final Duration QUIET = Duration.ofSeconds(45);
    private static final int CREATED = 10;
    private static final int CANCELED = 70;
    private static final int OUT_STOCK = 40;
    private static final Set<String> TRANSIENT = Set.of("EXCEPTION", "SYSTEM_ERROR", "LOCK_BUSY", "SEND_MQ_FAILED",
            "CANCEL_ORDER_PROCESS_FAILED", "PAY_GATEWAY_UNAVAILABLE");
    private static final Set<String> CALLBACK_DEFINITIVE = Set.of("OK", "ORDER_CANCEL_PAY_CALLBACK_REFUNDED",
            "ORDER_PAY_TYPE_REPEAT_REFUNDED", "ORDER_CALLBACK_PAY_AMOUNT_ERROR", "PARAM_INVALID", "ORDER_NOT_FOUND",
            "PAY_NOTIFICATION_SIGNATURE_INVALID", "PAY_NOTIFICATION_EXPIRED", "PAY_NOTIFICATION_MISMATCH", "PAY_TRANSACTION_NOT_FOUND");

    private final LocalStack stack;
    private final SuiteClient client;
    private final Function<String, String> jdbc;
    private final Config config;
    private final CouponPool coupons;
    private final FaultInjector faults;
    private final InvariantChecker checker;
    private final PlanGenerator planner;
    private final Consumer<String> log;

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final ExecutorService racers;

    public WorkloadDriver(LocalStack stack, SuiteClient client, Function<String, String> jdbcUrlOfDatabase, Config config,
                          CouponPool coupons, FaultInjector faults, InvariantChecker checker, Consumer<String> log) {
        this.stack = stack;
        this.client = client;
        this.jdbc = jdbcUrlOfDatabase;
        this.config = config;
        this.coupons = coupons;
        this.faults = faults;
        this.checker = checker;
        this.planner = PlanGenerator.forDemoData(config.seed());
        this.log = log;
        this.workers = Executors.newFixedThreadPool(config.workers(), threads("workload-worker"));
        this.timer = Executors.newScheduledThreadPool(2, threads("workload-timer"));
        this.racers = Executors.newCachedThreadPool(threads("workload-race"));
    }

    public Config config() {
        return config;
    }

    /** The plan of a round, without running it. */
    public List<OrderPlan> plan(int round, int orders) {
        return planner.generate(config.runTag(), round, orders);
    }

    // ================================================================================================== a round

    public RoundResult runRound(int round, Scenario scenario, int orders) {
        long t0 = System.currentTimeMillis();
        String prefix = PlanGenerator.prefix(config.runTag(), round);
        List<OrderPlan> plans = plan(round, orders);
        Round r = new Round(round, scenario, prefix, plans);
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

        boolean settled = settle(r, scope, baseline);
        helpers.stop();
        CheckReport report = checker.check(scope, baseline, InvariantChecker.Mode.SETTLED);
        List<Violation> violations = new ArrayList<>(report.violations());
        violations.addAll(contractViolations(r, prefix));
        giveBackCoupons(r);
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
        StatusBoard board = new StatusBoard(r.prefix);
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
        Thread faultThread = daemon("workload-faults", () -> runFaultEvents(r));
        faultThread.start();
        return new RoundHelpers(board, scans, faultThread);
    }

    /** Checks the round every 2 s while it runs (see {@link #track}). */
    private ScheduledFuture<?> startTracking(Round r, CheckScope scope, StockBaseline baseline) {
        return timer.scheduleWithFixedDelay(() -> {
            try {
                track(r, scope, baseline);
            } catch (RuntimeException e) {
                // next time
            }
        }, 2000, 2000, TimeUnit.MILLISECONDS);
    }

    /** Runs the scripts and the fault events to their end (bounded), then stops tracking and turns every fault off. */
    private void runWorkload(Round r, Thread faultThread, ScheduledFuture<?> tracker) {
        try {
            feed(r);
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
            outcomes.merge(st == null ? "not created" : statusName(st), 1, Integer::sum);
        }
        return outcomes;
    }

    private static String statusName(int s) {
        return switch (s) {
            case 10 -> "CREATED";
            case 20 -> "PAID";
            case 30 -> "FULFILL";
            case 40 -> "OUT_STOCK";
            case 50 -> "DELIVERY";
            case 60 -> "SIGNED";
            case 70 -> "CANCELED";
            default -> String.valueOf(s);
        };
    }

    /** Starts the orders in plan order, at most maxInFlight at a time. */
    private void feed(Round r) throws InterruptedException {
        for (OrderPlan plan : r.plans) {
            r.inFlight.acquire();
            OrderRun run = new OrderRun(plan);
            if (plan.wantsCoupon()) {
                CouponPool.UserCoupon c = coupons.take();
                if (c != null) {
                    run.couponId = c.couponId();
                    run.userId = c.userId();
                    r.takenCoupons.add(c);
                } else {
                    r.result("coupon:POOL_EMPTY");
                }
            }
            r.runs.put(plan.orderId(), run);
            r.started.incrementAndGet();
            workers.execute(() -> runStep(r, run));
        }
    }

    // ================================================================================================== scripts

    private static final class OrderRun {
        final OrderPlan plan;
        String userId;
        String couponId;
        volatile boolean created;
        volatile boolean finished;
        volatile int payAmount;
        volatile long expireAt;
        final Map<Integer, String> outTradeNo = new ConcurrentHashMap<>();
        /** The gateway's notification of the payment with each pay type: a repeated callback step re-delivers it. */
        final Map<Integer, String> notificationId = new ConcurrentHashMap<>();
        volatile long lastOpAt = System.currentTimeMillis();
        int step;
        int attempt;
        long stepStartedAt;
        volatile long callbackStartedAt;
        volatile boolean ackCreate;
        volatile boolean ackPayment;
        volatile boolean ackCancel;
        volatile boolean ackOutStock;

        OrderRun(OrderPlan plan) {
            this.plan = plan;
            this.userId = plan.userId();
        }
    }

    private final class Round {
        final int number;
        final Scenario scenario;
        final String prefix;
        final List<OrderPlan> plans;
        final Map<String, OrderRun> runs = new ConcurrentHashMap<>();
        final Semaphore inFlight = new Semaphore(config.maxInFlight());
        final CountDownLatch done;
        final AtomicInteger started = new AtomicInteger();
        final AtomicLong operations = new AtomicLong();
        final Map<String, Integer> apiResults = new ConcurrentHashMap<>();
        final Map<String, Long> finalAt = new ConcurrentHashMap<>();
        final List<CouponPool.UserCoupon> takenCoupons = Collections.synchronizedList(new ArrayList<>());
        volatile StatusBoard board;

        Round(int number, Scenario scenario, String prefix, List<OrderPlan> plans) {
            this.number = number;
            this.scenario = scenario;
            this.prefix = prefix;
            this.plans = plans;
            this.done = new CountDownLatch(plans.size());
        }

        void result(String key) {
            apiResults.merge(key, 1, Integer::sum);
        }

        Map<OrderPlan.Flow, Integer> flowCounts() {
            Map<OrderPlan.Flow, Integer> m = new java.util.EnumMap<>(OrderPlan.Flow.class);
            plans.forEach(p -> m.merge(p.flow(), 1, Integer::sum));
            return m;
        }
    }

    private void runStep(Round r, OrderRun run) {
        try {
            if (run.step >= run.plan.steps().size()) {
                finish(r, run);
                return;
            }
            Step step = run.plan.steps().get(run.step);
            if (!(step instanceof Step.Create) && !run.created) {
                finish(r, run); // nothing to operate on
                return;
            }
            if (step instanceof Step.Pause p) {
                next(r, run, p.millis());
            } else if (step instanceof Step.AwaitExpiry a) {
                next(r, run, Math.max(0, run.expireAt + a.offsetMillis() - System.currentTimeMillis()));
            } else if (step instanceof Step.AwaitStatus a) {
                awaitStatus(r, run, a);
            } else if (step instanceof Step.Race race) {
                race(r, run, race);
            } else {
                boolean gated = step instanceof Step.Create && config.createGate();
                if (gated && !enterCreateGate(run)) {
                    timer.schedule(() -> workers.execute(() -> runStep(r, run)), 100, TimeUnit.MILLISECONDS);
                    return;
                }
                long retryIn;
                try {
                    retryIn = operate(r, run, step, run.attempt);
                } finally {
                    if (gated) {
                        leaveCreateGate(run);
                    }
                }
                if (retryIn >= 0) {
                    run.attempt++;
                    timer.schedule(() -> workers.execute(() -> runStep(r, run)), retryIn, TimeUnit.MILLISECONDS);
                } else if (step instanceof Step.Create && !run.created) {
                    finish(r, run);
                } else {
                    next(r, run, 0);
                }
            }
        } catch (Throwable t) {
            log.accept("order " + run.plan.orderId() + ": step " + run.step + " failed in the driver: " + t);
            next(r, run, 0);
        }
    }

    /** SKUs with a create in flight (see {@link Config#withCreateGate}). */
    private final Set<String> creatingSkus = new java.util.HashSet<>();

    private boolean enterCreateGate(OrderRun run) {
        synchronized (creatingSkus) {
            if (run.plan.items().keySet().stream().anyMatch(creatingSkus::contains)) {
                return false;
            }
            creatingSkus.addAll(run.plan.items().keySet());
            return true;
        }
    }

    private void leaveCreateGate(OrderRun run) {
        synchronized (creatingSkus) {
            creatingSkus.removeAll(run.plan.items().keySet());
        }
    }

    private void next(Round r, OrderRun run, long delayMillis) {
        run.step++;
        run.attempt = 0;
        run.stepStartedAt = 0;
        if (delayMillis <= 0) {
            workers.execute(() -> runStep(r, run));
        } else {
            timer.schedule(() -> workers.execute(() -> runStep(r, run)), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(Round r, OrderRun run) {
        if (!run.finished) {
            run.finished = true;
            r.inFlight.release();
            r.done.countDown();
        }
    }

    private void awaitStatus(Round r, OrderRun run, Step.AwaitStatus a) {
        if (run.stepStartedAt == 0) {
            run.stepStartedAt = System.currentTimeMillis();
        }
        Integer status = r.board.status(run.plan.orderId());
        if ((status != null && a.statuses().contains(status)) || (status != null && status == CANCELED)
                || System.currentTimeMillis() - run.stepStartedAt > a.timeoutMillis()) {
            next(r, run, 0);
        } else {
            timer.schedule(() -> workers.execute(() -> runStep(r, run)), 250, TimeUnit.MILLISECONDS);
        }
    }

    /** All steps of the race start together on their own threads; the last to finish moves the script on. */
    private void race(Round r, OrderRun run, Step.Race race) {
        int n = race.steps().size();
        CyclicBarrier barrier = new CyclicBarrier(n);
        AtomicInteger left = new AtomicInteger(n);
        for (Step s : race.steps()) {
            racers.execute(() -> {
                try {
                    barrier.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (BrokenBarrierException | TimeoutException ignored) {
                    // start anyway
                }
                try {
                    for (int attempt = 0; attempt < 40; attempt++) {
                        long retryIn = operate(r, run, s, attempt);
                        if (retryIn < 0) {
                            break;
                        }
                        Thread.sleep(retryIn);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    log.accept("order " + run.plan.orderId() + ": race step " + s + " failed in the driver: " + t);
                } finally {
                    if (left.decrementAndGet() == 0) {
                        next(r, run, 0);
                    }
                }
            });
        }
    }

    /**
     * Calls the API of one step once. Returns the delay before a retry, or -1 when the step is done (success or a
     * definitive refusal).
     */
    private long operate(Round r, OrderRun run, Step step, int attempt) {
        String orderId = run.plan.orderId();
        if (step instanceof Step.Create) {
            String code = call(r, run, "create", () -> client.orderApi.createOrder(createRequest(run)), res -> {
                CreateOrderDTO dto = (CreateOrderDTO) res.getData();
                run.payAmount = dto.getPayAmount();
                run.expireAt = dto.getExpireTime().getTime();
                run.created = true;
                run.ackCreate = true;
            });
            if (code.equals("ORDER_ALREADY_EXISTS") || (TRANSIENT.contains(code) && attempt >= 5)) {
                adoptExisting(r, run); // an earlier attempt whose answer was lost may have created it
                return -1;
            }
            return TRANSIENT.contains(code) ? Math.min(5000L, 1000L << attempt) : -1; // a client retries ~20 s
        }
        if (step instanceof Step.PrePay p) {
            String code = call(r, run, "prePay", () -> client.orderApi.prePayOrder(prePayRequest(run, p.payType())), res ->
                    run.outTradeNo.put(p.payType(), ((PrePayOrderDTO) res.getData()).getOutTradeNo()));
            return TRANSIENT.contains(code) && attempt < 3 ? 1000L * (attempt + 1) : -1;
        }
        if (step instanceof Step.Callback cb) {
            String outTradeNo = run.outTradeNo.get(cb.payType());
            if (outTradeNo == null) {
                r.result("callback:SKIPPED_NOT_PREPAID");
                return -1; // nobody pays what was never pre-paid
            }
            if (attempt == 0 || run.callbackStartedAt == 0) {
                run.callbackStartedAt = System.currentTimeMillis();
            }
            String code = call(r, run, "callback", () -> notifyPayment(run, cb.payType(), outTradeNo), res -> run.ackPayment = true);
            if (CALLBACK_DEFINITIVE.contains(code)) {
                return -1;
            }
            if (System.currentTimeMillis() - run.callbackStartedAt < config.callbackRetryWindow().toMillis()) {
                return Math.min(5000L, 500L << Math.min(attempt, 4)); // the gateway notifies again
            }
            r.result("callback:GAVE_UP");
            log.accept("order " + orderId + ": the gateway gave up its pay callback (" + cb.payType() + ") after "
                    + config.callbackRetryWindow().toSeconds() + " s, last answer " + code);
            return -1;
        }
        if (step instanceof Step.Cancel) {
            String code = call(r, run, "cancel", () -> client.afterSaleApi.cancelOrder(cancelRequest(run)), res -> run.ackCancel = true);
            return TRANSIENT.contains(code) && attempt < 4 ? 1000L * (attempt + 1) : -1;
        }
        if (step instanceof Step.OutStock) {
            String code = call(r, run, "outStock", () -> client.wmsApi.outStock(orderId), res -> run.ackOutStock = true);
            return TRANSIENT.contains(code) && attempt < 2 ? 1000L * (attempt + 1) : -1;
        }
        if (step instanceof Step.Scan) {
            r.operations.incrementAndGet();
            boolean ok = stack.triggerScanJob();
            r.result("scan:" + (ok ? "OK" : "REFUSED"));
            run.lastOpAt = System.currentTimeMillis();
            return -1;
        }
        return -1;
    }

    private interface ApiCall {
        JsonResult<?> call();
    }

    /** One API call: counts it, records its answer code, runs {@code onOk} on success; returns the code. */
    private String call(Round r, OrderRun run, String op, ApiCall api, Consumer<JsonResult<?>> onOk) {
        r.operations.incrementAndGet();
        String code;
        try {
            JsonResult<?> res = api.call();
            if (res == null) {
                code = "EXCEPTION";
            } else if (res.isOk()) {
                code = "OK";
                onOk.accept(res);
            } else {
                code = res.getErrorCode() == null ? "SYSTEM_ERROR" : res.getErrorCode();
            }
        } catch (RuntimeException e) {
            code = "EXCEPTION";
        }
        run.lastOpAt = System.currentTimeMillis();
        r.result(op + ":" + code);
        return code;
    }

    private void adoptExisting(Round r, OrderRun run) {
        try {
            JsonResult<OrderDetailDTO> d = client.orderApi.getOrderDetail(run.plan.orderId(), run.userId);
            r.operations.incrementAndGet();
            if (d != null && d.isOk() && d.getData() != null) {
                run.payAmount = d.getData().getPayAmount();
                run.expireAt = d.getData().getExpireTime().getTime();
                run.created = true;
                r.result("create:ADOPTED_EXISTING");
            }
        } catch (RuntimeException e) {
            r.result("create:ADOPT_FAILED");
        }
    }

    private CreateOrderRequest createRequest(OrderRun run) {
        CreateOrderRequest request = new CreateOrderRequest();
        request.setOrderId(run.plan.orderId());
        request.setUserId(run.userId);
        request.setCouponId(run.couponId);
        request.setBusinessIdentifier(1);
        request.setOrderType(1);
        List<OrderItemRequest> lines = new ArrayList<>();
        run.plan.items().forEach((sku, q) -> {
            OrderItemRequest line = new OrderItemRequest();
            line.setSkuCode(sku);
            line.setSaleQuantity(q);
            lines.add(line);
        });
        request.setOrderItemRequestList(lines);
        return request;
    }

    private static PrePayOrderRequest prePayRequest(OrderRun run, int payType) {
        PrePayOrderRequest request = new PrePayOrderRequest();
        request.setOrderId(run.plan.orderId());
        request.setUserId(run.userId);
        request.setPayType(payType);
        request.setPayAmount(run.payAmount);
        return request;
    }

    /** The customer pays at the gateway once per pay type; every later callback step is the gateway's re-delivery. */
    private JsonResult<Boolean> notifyPayment(OrderRun run, int payType, String outTradeNo) {
        String notified = run.notificationId.get(payType);
        PayGatewaySimulator.Delivery delivery = notified != null ? stack.payGateway().redeliver(notified)
                : stack.payGateway().pay(run.plan.orderId(), outTradeNo, payType, run.payAmount);
        run.notificationId.putIfAbsent(payType, delivery.notificationId());
        return delivery.result();
    }

    private static CancelOrderRequest cancelRequest(OrderRun run) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(run.plan.orderId());
        request.setUserId(run.userId);
        return request;
    }

    // ================================================================================================== faults

    /** The scenario's events (kills, restarts), spread over the round by the share of orders started. */
    private void runFaultEvents(Round r) {
        List<Runnable> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<FaultClass> f = r.scenario.faults();
        long pick = Math.abs(config.seed() * 31 + r.number);
        if (f.contains(FaultClass.KILL_ORDER_SERVICE)) {
            String point = FaultInjector.ORDER_CRASH_POINTS.get((int) (pick % FaultInjector.ORDER_CRASH_POINTS.size()));
            names.add("crash order-service at " + point);
            events.add(() -> faults.crashOrderService(point, config.crashArmTime()));
        }
        if (f.contains(FaultClass.BROKER_RESTART)) {
            names.add("broker restart");
            events.add(faults::restartBroker);
        }
        if (f.contains(FaultClass.REDIS_RESTART)) {
            names.add("redis restart");
            events.add(faults::restartRedis);
        }
        if (f.contains(FaultClass.SEATA_RESTART)) {
            names.add("seata restart");
            events.add(faults::restartSeata);
        }
        if (f.contains(FaultClass.KILL_SERVICE)) {
            String service = FaultInjector.KILLABLE.get((int) (pick % FaultInjector.KILLABLE.size()));
            names.add("kill -9 " + service);
            events.add(() -> faults.killAndRestart(service));
        }
        int n = r.plans.size();
        for (int i = 0; i < events.size(); i++) {
            double at = events.size() == 1 ? 0.3 : 0.15 + 0.55 * i / (events.size() - 1);
            int threshold = (int) Math.ceil(n * at);
            while (r.started.get() < threshold && r.done.getCount() > 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                log.accept("round " + r.number + ": fault event " + names.get(i) + " at " + r.started.get() + "/" + n + " orders started");
                events.get(i).run();
            } catch (RuntimeException e) {
                log.accept("round " + r.number + ": fault event " + names.get(i) + " failed: " + e);
            }
        }
    }

    // ================================================================================================== settling

    /**
     * Polls the round's orders with a progress check until every order is final (terminal status, nothing pending:
     * no violation left) and the state stopped changing; records when each order first became final.
     */
    private boolean settle(Round r, CheckScope scope, StockBaseline baseline) {
        long deadline = System.currentTimeMillis() + config.settleTimeout().toMillis();
        String previous = null;
        int stablePolls = 0;
        long lastChange = System.currentTimeMillis();
        while (true) {
            CheckReport progress = track(r, scope, baseline);
            long now = System.currentTimeMillis();
            boolean allFinal = r.finalAt.size() == r.plans.size();
            stablePolls = progress.fingerprint().equals(previous) ? stablePolls + 1 : 0;
            if (stablePolls == 0) {
                lastChange = now;
            }
            previous = progress.fingerprint();
            if (allFinal && stablePolls >= 2) {
                return true;
            }
            if (now - lastChange > QUIET.toMillis()) {
                log.accept("round " + r.number + ": nothing changed for " + QUIET.toSeconds() + " s but orders are not final: "
                        + progress.format(10));
                return false;
            }
            if (now > deadline) {
                log.accept("round " + r.number + ": not settled after " + config.settleTimeout().toSeconds() + " s: "
                        + progress.format(10));
                return false;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * One progress check of the round: an order is final when it is not CREATED or PAID and nothing about it is
     * pending (no violation left); records when each order became final (and forgets it when it changes again).
     */
    private synchronized CheckReport track(Round r, CheckScope scope, StockBaseline baseline) {
        CheckReport progress = checker.check(scope, baseline, InvariantChecker.Mode.PROGRESS);
        long now = System.currentTimeMillis();
        Map<String, List<Violation>> byOrder = progress.byOrder();
        for (OrderPlan p : r.plans) {
            Integer st = progress.statusByOrder().get(p.orderId());
            OrderRun run = r.runs.get(p.orderId());
            boolean fin = run != null && (st == null || (st != CREATED && st != 20)) && !byOrder.containsKey(p.orderId());
            if (fin) {
                r.finalAt.putIfAbsent(p.orderId(), now);
            } else {
                r.finalAt.remove(p.orderId());
            }
        }
        return progress;
    }

    /** What the APIs acknowledged must hold in the end. */
    private List<Violation> contractViolations(Round r, String prefix) {
        Map<String, Jdbc.Row> orders = new HashMap<>();
        for (Jdbc.Row row : Jdbc.query(jdbc.apply("order_db"), "SELECT o.order_id, o.order_status, d.pay_status, d.pay_type "
                + "FROM order_info o LEFT JOIN order_payment_detail d ON d.order_id = o.order_id WHERE o.order_id LIKE ?", prefix + "%")) {
            orders.put(row.str("order_id"), row);
        }
        List<Violation> out = new ArrayList<>();
        for (OrderRun run : r.runs.values()) {
            String id = run.plan.orderId();
            Jdbc.Row row = orders.get(id);
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("flow", run.plan.flow());
            ev.put("steps", run.plan.steps());
            ev.put("order", row == null ? "none" : row.asMap());
            Integer status = row == null ? null : row.integer("order_status");
            if (run.ackCreate && row == null) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_CREATE_KEPT, "order " + id, id, "createOrder answered OK but the order does not exist", ev));
            }
            if (run.ackPayment && (row == null || !Integer.valueOf(20).equals(row.integer("pay_status")))) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_PAYMENT_KEPT, "order " + id, id, "payCallback answered OK but no payment is accepted", ev));
            }
            if (run.ackCancel && (status == null || status != CANCELED)) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_CANCEL_KEPT, "order " + id, id, "cancelOrder answered OK but the order is "
                        + (status == null ? "missing" : statusName(status)), ev));
            }
            if (run.ackOutStock && (status == null || status < OUT_STOCK || status == CANCELED)) {
                out.add(new Violation(Invariant.ACKNOWLEDGED_OUT_STOCK_KEPT, "order " + id, id, "outStock answered OK but the order is "
                        + (status == null ? "missing" : statusName(status)), ev));
            }
        }
        return out;
    }

    /**
     * Hygiene for a shared stack (after the checks, which already recorded whatever is wrong): cancels, as their users,
     * the orders of the given rounds that are still CREATED or PAID, so that other tests waiting for "no order awaiting
     * payment or fulfillment" are not held up by what a broken chain left behind. Returns the order ids it tried.
     */
    public List<String> cancelLeftovers(List<Integer> rounds) {
        List<String> tried = new ArrayList<>();
        for (int round : rounds) {
            String prefix = PlanGenerator.prefix(config.runTag(), round);
            for (Jdbc.Row row : Jdbc.query(jdbc.apply("order_db"),
                    "SELECT order_id, user_id FROM order_info WHERE order_id LIKE ? AND order_status IN (10, 20)", prefix + "%")) {
                CancelOrderRequest request = new CancelOrderRequest();
                request.setOrderId(row.str("order_id"));
                request.setUserId(row.str("user_id"));
                tried.add(row.str("order_id"));
                try {
                    JsonResult<Boolean> res = client.afterSaleApi.cancelOrder(request);
                    log.accept("clean-up: cancel of left-over order " + row.str("order_id") + ": "
                            + (res.isOk() ? "OK" : res.getErrorCode() + " " + res.getErrorMessage()));
                } catch (RuntimeException e) {
                    log.accept("clean-up: cancel of left-over order " + row.str("order_id") + " failed: " + e);
                }
            }
        }
        return tried;
    }

    private void giveBackCoupons(Round r) {
        if (r.takenCoupons.isEmpty()) {
            return;
        }
        Map<String, Jdbc.Row> rows = new HashMap<>();
        for (Jdbc.Row row : Jdbc.query(jdbc.apply("market_db"), "SELECT coupon_id, used FROM user_coupon")) {
            rows.put(row.str("coupon_id"), row);
        }
        for (CouponPool.UserCoupon c : r.takenCoupons) {
            Jdbc.Row row = rows.get(c.couponId());
            if (row != null && row.lng("used") == 0) {
                coupons.giveBack(c);
            }
        }
    }

    // ================================================================================================== status board

    /** Order statuses of the round, refreshed by one bulk query every 250 ms (for the await steps). */
    private final class StatusBoard implements Runnable {
        private final String prefix;
        private volatile Map<String, Integer> statuses = Map.of();
        private volatile boolean running = true;

        StatusBoard(String prefix) {
            this.prefix = prefix;
        }

        Integer status(String orderId) {
            return statuses.get(orderId);
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    Map<String, Integer> m = new HashMap<>();
                    for (Jdbc.Row row : Jdbc.query(jdbc.apply("order_db"), "SELECT order_id, order_status FROM order_info WHERE order_id LIKE ?",
                            prefix + "%")) {
                        m.put(row.str("order_id"), row.integer("order_status"));
                    }
                    statuses = m;
                } catch (RuntimeException e) {
                    // the database is never restarted by the workload; a transient error: next poll
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ================================================================================================== helpers

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
