package com.eshop.consistency;

import com.eshop.stack.LocalStack;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.SuiteClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entry point of {@code chaos.sh}: starts its own local stack (fresh databases, fault injection enabled, short pay
 * timeout, scan every few seconds), runs the workload in rounds, one scenario (fault class) per round in turn, until
 * the order count or the time is reached, checks every round and finally all orders, prints the table and every
 * violation with its evidence, and exits 1 on any violation.
 */
public final class ChaosMain {
    private static final String USAGE = """
            usage: ./chaos.sh [options]
              --orders N            orders in total (default 5000)
              --minutes M           stop starting rounds after M minutes (default 15)
              --faults F            all | none | comma list of %s (default all)
              --seed S              seed of the plan (default 1)
              --workers N           client worker threads (default 8)
              --round-size N        orders per round (default: orders / scenarios, 30..50)
              --in-flight N         orders in flight at most (default 3 x workers)
              --retry-delay-level L first consumer retry delay level, one level more per retry (default 1 = 1 s, then 5 s, 10 s, 30 s, 1 min ...)
              --max-reconsume N     consumer retries before the DLQ (default 16, the services' default)
              --pay-timeout ISO     pay timeout of the services (default PT15S)
              --scan-interval ISO   expired-order scan interval (default PT5S)
              --data-dir DIR        stack data directory (default <repo>/.local-stack/chaos; wiped at start)
              --no-create-gate      let creates of the same SKU run concurrently (most are then refused: Seata global
                                    lock conflicts on product_stock; default: the driver serialises creates per SKU)
              --keep-stack          do not stop the stack at the end (Ctrl-C stops it)
            """.formatted(java.util.Arrays.stream(FaultClass.values()).map(FaultClass::flag).toList());

    private ChaosMain() {
    }

    public static void main(String[] args) {
        int orders = 5000;
        double minutes = 15;
        String faultsArg = "all";
        long seed = 1;
        int workers = 8;
        int retryDelayLevel = 1;
        int maxReconsume = 16;
        int roundSize = 0;
        int inFlight = 0;
        Duration payTimeout = Duration.ofSeconds(15);
        Duration scanInterval = Duration.ofSeconds(5);
        Path dataDir = null;
        boolean keep = false;
        boolean createGate = true;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--orders" -> orders = Integer.parseInt(value(args, ++i, a));
                    case "--minutes" -> minutes = Double.parseDouble(value(args, ++i, a));
                    case "--faults" -> faultsArg = value(args, ++i, a);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                    case "--workers" -> workers = Integer.parseInt(value(args, ++i, a));
                    case "--round-size" -> roundSize = Integer.parseInt(value(args, ++i, a));
                    case "--in-flight" -> inFlight = Integer.parseInt(value(args, ++i, a));
                    case "--retry-delay-level" -> retryDelayLevel = Integer.parseInt(value(args, ++i, a));
                    case "--max-reconsume" -> maxReconsume = Integer.parseInt(value(args, ++i, a));
                    case "--pay-timeout" -> payTimeout = Duration.parse(value(args, ++i, a));
                    case "--scan-interval" -> scanInterval = Duration.parse(value(args, ++i, a));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    case "--keep-stack" -> keep = true;
                    case "--no-create-gate" -> createGate = false;
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<Scenario> scenarios = scenarios(faultsArg);
        if (roundSize <= 0) {
            // small rounds, so that a time-bound run goes through every scenario (and then around again)
            roundSize = Math.max(30, Math.min(50, (int) Math.ceil(orders / (double) scenarios.size())));
        }
        Consumer<String> log = line -> System.out.println("[chaos " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
        log.accept(String.format(Locale.ROOT, "seed %d, %d orders in rounds of %d, %.1f min at most, %d workers, pay timeout %s, "
                + "scan every %s, consumer retries %d at delay level %d, scenarios %s", seed, orders, roundSize, minutes, workers,
                payTimeout, scanInterval, maxReconsume, retryDelayLevel, scenarios));

        LocalStackConfig.Builder b = LocalStackConfig.builder()
                .reset(true)
                .scanInterval(scanInterval)
                .reconcileInterval(scanInterval)
                .transactionCheckInterval(1000)
                .transactionTimeOut(1500)
                .transactionOpBatchInterval(200)
                .springArgs("--eshop.order.pay-timeout=" + payTimeout,
                        "--eshop.order.reconcile-grace=PT5S",
                        "--eshop.rocketmq.retry-delay-level=" + retryDelayLevel,
                        "--eshop.rocketmq.max-reconsume-times=" + maxReconsume,
                        "--eshop.faults.enabled=true");
        LocalStackConfig base = b.build();
        b.dataDir(dataDir != null ? dataDir : base.repoDir().resolve(".local-stack").resolve("chaos"));
        LocalStack stack = new LocalStack(b.build());
        int exit = 0;
        long started = System.currentTimeMillis();
        List<WorkloadDriver.RoundResult> results = new ArrayList<>();
        SuiteClient client = null;
        FaultInjector faults = null;
        try {
            stack.start();
            client = new SuiteClient(stack.dubboRegistryAddress());
            InvariantChecker checker = new InvariantChecker(stack::jdbcUrl, stack.nameServerAddress(),
                    InvariantChecker.Options.defaults().withScanInterval(scanInterval).withTolerance(Duration.ofSeconds(30)));
            faults = new FaultInjector(stack, FaultInjector.Rates.defaults(), log);
            WorkloadDriver.Config config = WorkloadDriver.Config.defaults(seed, payTimeout).withWorkers(workers)
                    .withScan(scanInterval, false).withCreateGate(createGate);
            if (inFlight > 0) {
                config = config.withMaxInFlight(inFlight);
            } else {
                config = config.withMaxInFlight(3 * workers);
            }
            StockBaseline runBaseline = checker.captureBaseline();
            long deadline = started + (long) (minutes * 60_000);
            try (WorkloadDriver driver = new WorkloadDriver(stack, client, stack::jdbcUrl, config, CouponPool.demo(), faults, checker, log)) {
                int done = 0;
                int round = 0;
                while (done < orders && System.currentTimeMillis() < deadline) {
                    Scenario scenario = scenarios.get(round % scenarios.size());
                    round++;
                    int n = Math.min(roundSize, orders - done);
                    results.add(driver.runRound(round, scenario, n));
                    done += n;
                }
            }
            List<String> notOff = faults.clearAll();
            log.accept(notOff.isEmpty() ? "every fault point is off again" : "fault points NOT off: " + notOff);
            CheckReport all = checker.check(CheckScope.all(), runBaseline);
            log.accept("final check of the whole suite: " + all.format(200));

            System.out.println();
            System.out.println(ChaosReport.table(results));
            System.out.println(ChaosReport.details(results));
            System.out.println("final check of all orders: " + all.format(Integer.MAX_VALUE));
            long violations = ChaosReport.violations(results) + all.violations().size();
            System.out.printf(Locale.ROOT, "%nchaos run: %d round(s), %d order(s), %d violation(s) in the rounds, %d in the final "
                            + "check of all orders (it sees again what the rounds left, and what changed since), %.1f min%n", results.size(),
                    results.stream().mapToInt(WorkloadDriver.RoundResult::orders).sum(), ChaosReport.violations(results),
                    all.violations().size(), (System.currentTimeMillis() - started) / 60_000.0);
            exit = violations == 0 && notOff.isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            if (!results.isEmpty()) {
                System.out.println(ChaosReport.table(results));
                System.out.println(ChaosReport.details(results));
            }
            exit = 1;
        } finally {
            if (faults != null) {
                try {
                    faults.clearAll();
                } catch (RuntimeException ignored) {
                    // the stack is going down anyway
                }
            }
            if (keep && exit == 0) {
                log.accept("stack left running (--keep-stack); Ctrl-C stops it");
                try {
                    Thread.currentThread().join();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
            if (client != null) {
                client.close();
            }
            stack.stop();
        }
        System.exit(exit);
    }

    static List<Scenario> scenarios(String arg) {
        String a = arg.trim().toLowerCase(Locale.ROOT);
        if (a.equals("none")) {
            return List.of(Scenario.of("baseline"));
        }
        Set<FaultClass> classes = EnumSet.noneOf(FaultClass.class);
        if (a.equals("all")) {
            classes.addAll(EnumSet.allOf(FaultClass.class));
        } else {
            for (String f : a.split(",")) {
                if (!f.isBlank()) {
                    classes.add(FaultClass.byFlag(f));
                }
            }
        }
        return Scenario.cycle(classes);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
