package com.eshop.consistency.bench;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.consistency.FaultInjector;
import com.eshop.stack.LocalStack;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.SeataStoreMode;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.SuiteClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Entry point of {@code bench.sh}: starts its own local stack (fresh databases in {@code .local-stack/bench}), drives
 * it through the Dubbo APIs a client uses, measures the figures of docs/performance.md and prints them in one table
 * with their targets and the database floor measured in the same run ({@link DbFloor}). Never part of
 * {@code mvn verify}: nothing here asserts a time.
 *
 * <p>Phases, one after the other so that each figure is measured alone. First, right after "ready", orders paid at
 * 10/s with nothing warmed (paid → FULFILL as the first users after a deploy see it); then a warm-up of orders
 * through the whole chain (not measured); creates at full speed (8 callers) left
 * unpaid; 20 concurrent creates of one SKU; the timeout lateness of the first phase's orders (their pay-timeout
 * messages fire at the rate they were created, with nothing else running); create, pre-pay
 * and pay of the orders the cancels need, with paid → FULFILL; open-loop user cancels at 5/s; the full
 * chain at 20 closed-loop callers until every order is refunded and its stock released; cancels offered at twice that
 * chain's rate (overload: admitted latency, refusals, then 5/s again); lost-timeout recovery (orders
 * whose timer message was lost, among many unpaid ones, cancelled by the scan the bench triggers); the database floor.
 * The full chain and the floor are also measured in CPU per order of each process ({@link CpuBudget}).
 */
public final class BenchMain {
    private static final String USAGE = """
            usage: ./bench.sh [options]
              --quick               smaller counts, finishes in under 5 minutes after the stack is up
              --data-dir DIR        stack data directory (default <repo>/.local-stack/bench; wiped at start)
              --keep-stack          leave the stack running at the end (Ctrl-C stops it)
              --c2                  service and TC JVMs with the C2 JIT, as a production JVM runs (default: C1 only, as
                                    ./run-local.sh starts them: on 2 cores nine JVMs compiling with C2 need more warm-up
                                    than a --quick run gives them)
              --no-cds              service JVMs without class-data-sharing archives (by default, as ./run-local.sh, they
                                    use them: trained by the first run after a change of a service, mapped by later ones)
              --tc-store db|file    where the Seata TC keeps sessions and locks (default db, as every stack; file: for
                                    comparing only, its lock store leaked row locks)
              --jvm-option OPT      one more option for every service JVM (repeatable), e.g. to compare JIT settings
              --jfr DIR             a JDK Flight Recording (profile settings) of every service JVM into DIR, written
                                    when the stack stops (jfr print --events jdk.ExecutionSample DIR/order-service.jfr)
            """;
    private static final Duration PAY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(10);
    private static final Duration CHAIN_WAIT = Duration.ofMinutes(3);
    private static final List<String> CALLER_SKUS = IntStream.rangeClosed(1001, 1016).mapToObj(n -> "SKU-" + n).toList();
    private static final String CONTENDED_SKU = "SKU-1020";

    private record Sizes(int coldOrders, int warmUpOrders, int timeoutOrders, int cancelSecondsPerRate, int chainOrders,
                         int overloadSeconds, int lostOrders, int unpaidOrders, int floorOrders) {
        static Sizes of(boolean quick) {
            return quick ? new Sizes(100, 80, 100, 6, 120, 15, 100, 50_000, 300)
                    : new Sizes(500, 200, 600, 20, 600, 60, 1000, 1_000_000, 1000);
        }

        /** Paid orders the overload phase may use: twice a chain rate of up to 20/s, for its seconds. */
        int overloadOrders() {
            return overloadSeconds * 40;
        }
    }

    private final Sizes sizes;
    private final String runTag = "B" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
    private final BenchTable table = new BenchTable();
    private LocalStack stack;
    private BenchOrders orders;

    private BenchMain(Sizes sizes) {
        this.sizes = sizes;
    }

    public static void main(String[] args) {
        boolean quick = false;
        boolean keep = false;
        boolean c2 = false;
        boolean cds = true;
        Path dataDir = null;
        Path jfrDir = null;
        SeataStoreMode tcStore = SeataStoreMode.DB;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--keep-stack" -> keep = true;
                case "--c2" -> c2 = true;
                case "--no-cds" -> cds = false;
                case "--jvm-option" -> {
                    if (++i >= args.length) {
                        usage("--jvm-option needs a value");
                    }
                    jvmOptions.add(args[i]);
                }
                case "--jfr" -> {
                    if (++i >= args.length) {
                        usage("--jfr needs a directory");
                    }
                    jfrDir = Path.of(args[i]).toAbsolutePath();
                }
                case "--tc-store" -> {
                    if (++i >= args.length) {
                        usage("--tc-store needs db or file");
                    }
                    String mode = args[i];
                    tcStore = Arrays.stream(SeataStoreMode.values())
                            .filter(m -> m.name().equalsIgnoreCase(mode)).findFirst().orElse(null);
                    if (tcStore == null) {
                        usage("--tc-store is db or file, not " + mode);
                    }
                }
                case "--data-dir" -> {
                    if (++i >= args.length) {
                        usage("--data-dir needs a value");
                    }
                    dataDir = Path.of(args[i]);
                }
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> usage("unknown option " + args[i]);
            }
        }
        int exit = new BenchMain(Sizes.of(quick)).run(dataDir, keep, quick, c2, cds, jvmOptions, jfrDir, tcStore);
        System.exit(exit);
    }

    private int run(Path dataDir, boolean keep, boolean quick, boolean c2, boolean cds, List<String> jvmOptions, Path jfrDir,
                    SeataStoreMode tcStore) {
        LocalStackConfig.Builder b = LocalStackConfig.builder()
                .reset(true)
                .seataStoreMode(tcStore)
                .classDataSharing(cds)
                .scanInterval(Duration.ZERO) // the bench triggers the scan itself, in the lost-timeout phase only
                .springArgs("--eshop.order.pay-timeout=" + PAY_TIMEOUT, "--eshop.faults.enabled=true");
        if (c2) {
            b.jvmOptions(withoutC1Only(LocalStackConfig.DEFAULT_SERVICE_JVM_OPTIONS));
            b.seataJvmOptions(withoutC1Only(LocalStackConfig.DEFAULT_SEATA_JVM_OPTIONS));
        }
        for (String option : jvmOptions) {
            for (ServiceSpec spec : ServiceSpec.ALL) {
                b.serviceJvmOptions(spec.name(), option);
            }
        }
        if (jfrDir != null) {
            createDirectories(jfrDir); // a JVM whose recording file cannot be written does not start
            for (ServiceSpec spec : ServiceSpec.ALL) {
                String service = spec.name();
                b.serviceJvmOptions(service, "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + jfrDir.resolve(service + ".jfr"));
            }
        }
        LocalStackConfig base = b.build();
        b.dataDir(dataDir != null ? dataDir : base.repoDir().resolve(".local-stack").resolve("bench"));
        stack = new LocalStack(b.build());
        SuiteClient client = null;
        try {
            stack.start();
            table.add("stack ready (launcher start → all services healthy" + (cds ? "; class archives: see the launcher's lines" : "; --no-cds")
                    + ")", seconds(stack.readyMillis()), "≤ 60 s");
            client = new SuiteClient(stack.dubboRegistryAddress(), stack.internalApiSecret());
            orders = new BenchOrders(client, stack.payGateway(), stack::jdbcUrl);
            log("bench " + runTag + (quick ? " (quick)" : "") + " on " + Runtime.getRuntime().availableProcessors() + " cores, Seata TC store "
                    + tcStore.name().toLowerCase(Locale.ROOT));
            coldPaidToFulfill();
            warmUp();
            List<String> timeoutOrders = createRate();
            contendedCreates();
            timeoutLateness(timeoutOrders);
            List<BenchOrders.Order> paid = createAndPay();
            cancelLatency(paid, 5, "");
            double chainRate = fullChain(paid);
            overload(paid, chainRate);
            lostTimeoutRecovery();
            table.add("total RSS of the stack after the bench", String.format(Locale.ROOT, "%.2f GiB", stack.totalRssMiB() / 1024.0), "≤ 4 GiB");
            table.add("deadlocks logged by the services during the bench", Long.toString(deadlocksInServiceLogs()), "0");
            System.out.println();
            System.out.println(table.format(runTag, quick));
            if (keep) {
                log("stack left running (--keep-stack); Ctrl-C stops it");
                Thread.currentThread().join();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.out.println(table.format(runTag, quick));
            return 1;
        } finally {
            if (client != null) {
                client.close();
            }
            stack.stop();
        }
    }

    // ----------------------------------------------------------------------------------------------- phases

    /**
     * Right after "ready", before anything has warmed the JVMs: orders created and paid at 10/s (open loop), as the
     * first users after a deploy meet the suite; paid → FULFILL of each from the operate log.
     */
    private void coldPaidToFulfill() {
        List<BenchOrders.Order> paid = Collections.synchronizedList(new ArrayList<>());
        CpuBudget cpu = CpuBudget.start(stack);
        long started = System.nanoTime();
        openLoop(sizes.coldOrders(), 10, (i, planned) -> {
            BenchOrders.Order o = orders.create(runTag + "-F" + i, user(i), skusOf(i % 8), false, new Latencies());
            if (o != null && orders.pay(o)) {
                paid.add(o);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        addPaidToFulfill(String.format(Locale.ROOT, "paid → FULFILL from the first order after ready, paying at %.1f/s", paid.size() / seconds),
                paid, sizes.coldOrders());
        log("CPU ms per paid order from the first order after ready to the last FULFILL: " + cpu.perOrder(paid.size()).line());
    }

    /** Orders through the whole chain before anything is measured: the JIT compiles the hot paths first. */
    private void warmUp() {
        List<BenchOrders.Order> paid = Collections.synchronizedList(new ArrayList<>());
        closedLoop(8, sizes.warmUpOrders(), i -> {
            BenchOrders.Order o = orders.create(runTag + "-W" + i, user(i), skusOf(i % 8), true, new Latencies());
            if (o != null && orders.pay(o)) {
                paid.add(o);
            }
        });
        List<BenchOrders.Order> cancelled = Collections.synchronizedList(new ArrayList<>());
        closedLoop(8, paid.size(), i -> {
            if ("OK".equals(orders.cancel(paid.get(i)))) {
                cancelled.add(paid.get(i));
            }
        });
        log("warm-up: " + waitForChains(cancelled) + " of " + sizes.warmUpOrders() + " orders created, paid, cancelled and refunded (not measured)");
    }

    /** Creates at full speed, 8 callers on their own SKUs; the orders stay unpaid and expire later. */
    private List<String> createRate() {
        Latencies latencies = new Latencies();
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        closedLoop(8, sizes.timeoutOrders(), i -> {
            BenchOrders.Order o = orders.create(runTag + "-T" + i, user(i), skusOf(i % 8), false, latencies);
            if (o != null) {
                created.add(o.orderId());
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = created.size() / seconds;
        log(String.format(Locale.ROOT, "created %d/%d orders in %.1f s", created.size(), sizes.timeoutOrders(), seconds));
        table.add("create, 8 callers (orders/s; API latency)", String.format(Locale.ROOT, "%.1f/s; %s", rate, latencies.p50p99()), "≥ 60/s");
        return created;
    }

    /** 20 creates of one SKU at the same moment: all should succeed while its stock lasts. */
    private void contendedCreates() {
        Latencies latencies = new Latencies();
        AtomicInteger succeeded = new AtomicInteger();
        closedLoop(20, 20, i -> {
            if (orders.create(runTag + "-C" + i, user(i), List.of(CONTENDED_SKU), false, latencies) != null) {
                succeeded.incrementAndGet();
            }
        });
        table.add("20 concurrent creates of one SKU (succeeded)", succeeded.get() + "/20; " + latencies.p50p99(), "20/20");
    }

    /** Creates and pays the orders the cancel phases use; paid → FULFILL from the operate log. */
    private List<BenchOrders.Order> createAndPay() {
        int count = sizes.cancelSecondsPerRate() * 5 * 2 + sizes.chainOrders() + sizes.overloadOrders();
        Latencies ignoredCreates = new Latencies();
        List<BenchOrders.Order> paid = Collections.synchronizedList(new ArrayList<>());
        CpuBudget cpu = CpuBudget.start(stack);
        long started = System.nanoTime();
        closedLoop(8, count, i -> {
            BenchOrders.Order o = orders.create(runTag + "-P" + i, user(i), skusOf(i % 8), true, ignoredCreates);
            if (o != null && orders.pay(o)) {
                paid.add(o);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        log(String.format(Locale.ROOT, "created and paid %d/%d orders in %.1f s", paid.size(), count, seconds));
        addPaidToFulfill(String.format(Locale.ROOT, "paid → FULFILL while paying at %.1f/s", paid.size() / seconds), paid, paid.size());
        log("CPU ms per paid order, warm, to the last FULFILL: " + cpu.perOrder(paid.size()).line());
        return paid;
    }

    /** PAID → FULFILL of each paid order from the operate log, as a row of the table; {@code of} orders were to be paid. */
    private void addPaidToFulfill(String figure, List<BenchOrders.Order> paid, int of) {
        List<String> ids = paid.stream().map(BenchOrders.Order::orderId).toList();
        Map<String, Long> fulfilled = waitFor(() -> orders.paidToFulfill(ids), ids.size(), Duration.ofMinutes(2));
        Latencies toFulfill = new Latencies();
        fulfilled.values().forEach(toFulfill::add);
        table.add(String.format(Locale.ROOT, "%s (%d of %d created and paid, %d of them reached FULFILL)", figure, paid.size(), of,
                fulfilled.size()), toFulfill.p50p99(), "p99 ≤ 2 s");
    }

    /** The orders of {@link #createRate()} expire PAY_TIMEOUT after their creation, at the rate they were created. */
    private void timeoutLateness(List<String> orderIds) {
        Map<String, Long> lateness = waitFor(() -> orders.timeoutLateness(orderIds), orderIds.size(), PAY_TIMEOUT.plusMinutes(2));
        Latencies l = new Latencies();
        lateness.values().forEach(l::add);
        table.add(String.format(Locale.ROOT, "timeout lateness, expire → cancel (%d/%d cancelled; expiring at the create rate)",
                lateness.size(), orderIds.size()), l.p50p99(), "p99 ≤ 1 s at 100/s");
    }

    /** User cancels of paid orders offered at a fixed rate (open loop: latency counted from the planned start). */
    private void cancelLatency(List<BenchOrders.Order> paid, int perSecond, String when) {
        List<BenchOrders.Order> batch = take(paid, perSecond * sizes.cancelSecondsPerRate());
        Latencies latencies = new Latencies();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        List<BenchOrders.Order> accepted = Collections.synchronizedList(new ArrayList<>());
        openLoop(batch.size(), perSecond, (i, planned) -> {
            BenchOrders.Order o = batch.get(i);
            String code = orders.cancel(o);
            latencies.add((System.nanoTime() - planned) / 1_000_000);
            if ("OK".equals(code)) {
                accepted.add(o);
            } else {
                refused.add(code);
            }
        });
        table.add(String.format(Locale.ROOT, "cancel API at %d/s offered%s, %d paid orders (%d refused%s)", perSecond, when, batch.size(),
                refused.size(), refused.isEmpty() ? "" : ": " + Set.copyOf(refused)), latencies.p50p99(), "p99 ≤ 150 ms");
        waitForChains(accepted);
    }

    /** 20 closed-loop callers cancel paid orders; the rate counts orders whose whole chain is done. Returns that rate. */
    private double fullChain(List<BenchOrders.Order> paid) {
        List<BenchOrders.Order> batch = take(paid, sizes.chainOrders());
        Latencies latencies = new Latencies();
        CpuBudget chainCpu = CpuBudget.start(stack);
        long started = System.nanoTime();
        List<BenchOrders.Order> accepted = Collections.synchronizedList(new ArrayList<>());
        closedLoop(20, batch.size(), i -> {
            long t = System.nanoTime();
            if ("OK".equals(orders.cancelUntilFinal(batch.get(i), Duration.ofMinutes(1)))) {
                accepted.add(batch.get(i));
            }
            latencies.add((System.nanoTime() - t) / 1_000_000);
        });
        int done = waitForChains(accepted);
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuBudget.Spent chainSpent = chainCpu.perOrder(done);
        double rate = done / seconds;
        log("measuring the database floor (" + sizes.floorOrders() + " orders, 20 callers, plain JDBC) ...");
        CpuBudget floorCpu = CpuBudget.start(stack);
        DbFloor.Result floor = runFloor();
        table.addSection(CpuBudget.table(chainSpent, floorCpu.perOrder(sizes.floorOrders())));
        table.add(String.format(Locale.ROOT, "full paid-order cancel chain, 20 callers (%d/%d done in %.1f s; cancel API %s)", done,
                batch.size(), seconds, latencies.p50p99()), String.format(Locale.ROOT, "%.1f orders/s", rate), "≥ 40/s, ≥ 0.1 of floor",
                String.format(Locale.ROOT, "%.0f orders/s (%d statements in %d transactions per order)", floor.ordersPerSecond(),
                        floor.statementsPerOrder(), floor.transactionsPerOrder()),
                String.format(Locale.ROOT, "%.3f", rate / floor.ordersPerSecond()));
        return rate;
    }

    /**
     * Cancels offered at twice the rate the full chain just sustained, for a minute (quick: 15 s), each sent once
     * (open loop, latency from its planned start): the admitted ones should keep their latency, the rest be refused at
     * once with a retryable code, every admitted one complete its chain, and the cancel API be back at its normal
     * latency right after.
     */
    private void overload(List<BenchOrders.Order> paid, double chainRate) {
        int perSecond = Math.max(2, (int) Math.round(2 * chainRate));
        int keptForAfter = 5 * sizes.cancelSecondsPerRate();
        List<BenchOrders.Order> batch = take(paid, Math.max(0, Math.min(paid.size() - keptForAfter, perSecond * sizes.overloadSeconds())));
        Latencies acceptedLatencies = new Latencies();
        Latencies refusedLatencies = new Latencies();
        List<BenchOrders.Order> accepted = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> refusedCodes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> otherCodes = new ConcurrentLinkedQueue<>();
        openLoop(batch.size(), perSecond, (i, planned) -> {
            BenchOrders.Order o = batch.get(i);
            String code = orders.cancelOnce(o);
            long millis = (System.nanoTime() - planned) / 1_000_000;
            if ("OK".equals(code)) {
                accepted.add(o);
                acceptedLatencies.add(millis);
            } else if (ErrorCode.isRetryable(code)) {
                refusedCodes.add(code);
                refusedLatencies.add(millis);
            } else {
                otherCodes.add(code);
            }
        });
        int done = waitForChains(accepted);
        String offered = String.format(Locale.ROOT, "cancels offered at twice the chain's rate, %d/s for %.0f s (%d paid orders)",
                perSecond, batch.size() / (double) perSecond, batch.size());
        table.add(String.format(Locale.ROOT, "%s: accepted %d, their chain done for %d", offered, accepted.size(), done),
                acceptedLatencies.p50p99(), "accepted p99 ≤ 1 s, every chain done");
        table.add(String.format(Locale.ROOT, "%s: refused %d %s, other answers %s", offered, refusedCodes.size(),
                Set.copyOf(refusedCodes), otherCodes.isEmpty() ? "none" : List.copyOf(otherCodes)), refusedLatencies.p50p99(),
                "refusals p99 ≤ 50 ms, retryable");
        cancelLatency(paid, 5, " right after the overload");
    }

    /**
     * Orders whose pay-timeout message is lost (fault point on order-service) expire among many unpaid ones inserted
     * directly; the bench then triggers the scan every SCAN_INTERVAL until all are cancelled.
     */
    private void lostTimeoutRecovery() {
        log("inserting " + sizes.unpaidOrders() + " unpaid orders that expire tomorrow ...");
        insertUnpaidOrders(sizes.unpaidOrders());
        String point = FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC;
        FaultInjector.set(ServiceSpec.ORDER, point, 1.0);
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        try {
            closedLoop(8, sizes.lostOrders(), i -> {
                BenchOrders.Order o = orders.create(runTag + "-L" + i, user(i), skusOf(i % 8), false, new Latencies());
                if (o != null) {
                    lost.add(o.orderId());
                }
            });
        } finally {
            FaultInjector.set(ServiceSpec.ORDER, point, 0.0);
        }
        BenchOrders.sleep(PAY_TIMEOUT.plusSeconds(1)); // every one of them has expired now
        log(lost.size() + " orders expired without a timer message; triggering the scan every " + SCAN_INTERVAL.toSeconds() + " s");
        CpuBudget cpu = CpuBudget.start(stack);
        long firstScan = System.nanoTime();
        long deadline = firstScan + Duration.ofMinutes(3).toNanos();
        int cancelled = 0;
        long lastScan = 0;
        int scans = 0;
        while (System.nanoTime() < deadline) {
            if (System.nanoTime() - lastScan >= SCAN_INTERVAL.toNanos()) {
                stack.triggerScanJob();
                lastScan = System.nanoTime();
                scans++;
            }
            cancelled = orders.timeoutLateness(lost).size();
            if (cancelled == lost.size()) {
                break;
            }
            BenchOrders.sleep(Duration.ofMillis(200));
        }
        double seconds = (System.nanoTime() - firstScan) / 1e9;
        log("CPU ms per order the scan cancelled, from the first scan to the last cancel: " + cpu.perOrder(cancelled).line());
        table.add(String.format(Locale.ROOT, "lost-timeout recovery: %d expired among %d unpaid (%d/%d cancelled, %d scan(s))",
                lost.size(), sizes.unpaidOrders(), cancelled, lost.size(), scans), String.format(Locale.ROOT, "%.1f s after the first scan", seconds),
                "≤ " + (SCAN_INTERVAL.toSeconds() + 5) + " s after expiry");
    }

    private DbFloor.Result runFloor() {
        try {
            return new DbFloor(stack::jdbcUrl, "root", "").run(runTag + "F", sizes.floorOrders(), 20);
        } catch (Exception e) {
            throw new IllegalStateException("database floor: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private int waitForChains(List<BenchOrders.Order> batch) {
        List<String> ids = batch.stream().map(BenchOrders.Order::orderId).toList();
        Set<String> done = Set.of();
        long deadline = System.nanoTime() + CHAIN_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            done = orders.chainDone(ids);
            if (done.size() == ids.size()) {
                break;
            }
            BenchOrders.sleep(Duration.ofMillis(100));
        }
        Set<String> finished = done;
        batch.stream().filter(o -> finished.contains(o.orderId())).forEach(orders::giveBackCoupon);
        return finished.size();
    }

    /** One call of an open-loop phase: the i-th, planned to start at {@code plannedNanos} ({@link System#nanoTime()}). */
    private interface PlannedCall {
        void run(int i, long plannedNanos);
    }

    /** {@code count} calls offered at {@code perSecond}, each on time whatever the ones before it are still doing. */
    private static void openLoop(int count, int perSecond, PlannedCall call) {
        ExecutorService callers = Executors.newFixedThreadPool(200);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / perSecond;
        long origin = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < count; i++) {
            int index = i;
            long planned = origin + i * periodNanos;
            clock.schedule(() -> callers.submit(() -> call.run(index, planned)), planned - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        shutdown(clock, Duration.ofMinutes(2));
        shutdown(callers, Duration.ofMinutes(5));
    }

    private static <V> Map<String, V> waitFor(java.util.function.Supplier<Map<String, V>> poll, int expected, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        Map<String, V> seen = poll.get();
        while (seen.size() < expected && System.nanoTime() < deadline) {
            BenchOrders.sleep(Duration.ofMillis(250));
            seen = poll.get();
        }
        return seen;
    }

    private static void closedLoop(int callers, int calls, java.util.function.IntConsumer call) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        for (int c = 0; c < callers; c++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    try {
                        call.accept(i);
                    } catch (RuntimeException e) {
                        log("call " + i + " failed: " + e);
                    }
                }
            });
        }
        shutdown(pool, Duration.ofMinutes(10));
    }

    private static void shutdown(ExecutorService pool, Duration max) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(max.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("bench phase did not finish within " + max);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static List<BenchOrders.Order> take(List<BenchOrders.Order> from, int n) {
        synchronized (from) {
            List<BenchOrders.Order> head = new ArrayList<>(from.subList(0, Math.min(n, from.size())));
            from.subList(0, head.size()).clear();
            return head;
        }
    }

    private static List<String> skusOf(int caller) {
        return List.of(CALLER_SKUS.get(caller), CALLER_SKUS.get(caller + 8));
    }

    private static String user(int i) {
        return "U" + (1001 + i % 100);
    }

    private void insertUnpaidOrders(int count) {
        String sql = """
                INSERT INTO order_info (order_id, user_id, business_identifier, order_type, order_status, total_amount, pay_amount, expire_time)
                SELECT CONCAT('%s-U', seq), CONCAT('U', 1001 + seq %% 100), 1, 1, 10, 1000, 1000, NOW(3) + INTERVAL 1 DAY
                FROM seq_1_to_%d""".formatted(runTag, count);
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("order_db"), "root", ""); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("inserting unpaid orders: " + e.getMessage(), e);
        }
    }

    private long deadlocksInServiceLogs() {
        long n = 0;
        for (String service : stack.serviceNames()) {
            Path logFile = stack.serviceLog(service);
            try (var lines = Files.lines(logFile)) {
                n += lines.filter(l -> l.contains("Deadlock found") || l.contains("DeadlockLoserDataAccessException")).count();
            } catch (IOException | java.io.UncheckedIOException e) {
                log("cannot read " + logFile + ": " + e.getMessage());
            }
        }
        return n;
    }

    private static List<String> withoutC1Only(List<String> options) {
        return options.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel")).toList();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.print(USAGE);
        System.exit(2);
    }

    static void log(String line) {
        System.out.println("[bench " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }
}
