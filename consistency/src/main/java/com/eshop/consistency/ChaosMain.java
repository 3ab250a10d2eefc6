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
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (o == null) {
            System.out.print(USAGE);
            return;
        }
        List<Scenario> scenarios = scenarios(o.faults);
        if (o.roundSize <= 0) {
            // small rounds, so that a time-bound run goes through every scenario (and then around again)
            o.roundSize = Math.max(30, Math.min(50, (int) Math.ceil(o.orders / (double) scenarios.size())));
        }
        Consumer<String> log = line -> System.out.println("[chaos " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
        log.accept(String.format(Locale.ROOT, "seed %d, %d orders in rounds of %d, %.1f min at most, %d workers, pay timeout %s, "
                + "scan every %s, consumer retries %d at delay level %d, scenarios %s", o.seed, o.orders, o.roundSize, o.minutes,
                o.workers, o.payTimeout, o.scanInterval, o.maxReconsume, o.retryDelayLevel, scenarios));
        LocalStack stack = new LocalStack(stackConfig(o));
        System.exit(run(o, scenarios, stack, log));
    }

    /** The command line; the defaults are those of {@link #USAGE}. */
    private static final class Options {
        int orders = 5000;
        double minutes = 15;
        String faults = "all";
        long seed = 1;
        int workers = 8;
        int retryDelayLevel = 1;
        int maxReconsume = 16;
        /** 0: chosen from the orders and the scenarios */
        int roundSize = 0;
        /** 0: 3 x workers */
        int inFlight = 0;
        Duration payTimeout = Duration.ofSeconds(15);
        Duration scanInterval = Duration.ofSeconds(5);
        Path dataDir = null;
        boolean keepStack = false;
        boolean createGate = true;

        /** The options of {@code args}, or null for --help; throws on a wrong option or value. */
        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--orders" -> o.orders = Integer.parseInt(value(args, ++i, a));
                    case "--minutes" -> o.minutes = Double.parseDouble(value(args, ++i, a));
                    case "--faults" -> o.faults = value(args, ++i, a);
                    case "--seed" -> o.seed = Long.parseLong(value(args, ++i, a));
                    case "--workers" -> o.workers = Integer.parseInt(value(args, ++i, a));
                    case "--round-size" -> o.roundSize = Integer.parseInt(value(args, ++i, a));
                    case "--in-flight" -> o.inFlight = Integer.parseInt(value(args, ++i, a));
                    case "--retry-delay-level" -> o.retryDelayLevel = Integer.parseInt(value(args, ++i, a));
                    case "--max-reconsume" -> o.maxReconsume = Integer.parseInt(value(args, ++i, a));
                    case "--pay-timeout" -> o.payTimeout = Duration.parse(value(args, ++i, a));
                    case "--scan-interval" -> o.scanInterval = Duration.parse(value(args, ++i, a));
                    case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, a));
                    case "--keep-stack" -> o.keepStack = true;
                    case "--no-create-gate" -> o.createGate = false;
                    case "-h", "--help" -> {
                        return null;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return o;
        }
    }

    private static LocalStackConfig stackConfig(Options o) {
        LocalStackConfig.Builder b = LocalStackConfig.builder()
                .reset(true)
                .scanInterval(o.scanInterval)
                .reconcileInterval(o.scanInterval)
                .transactionCheckInterval(1000)
                .transactionTimeOut(1500)
                .transactionOpBatchInterval(200)
                .springArgs("--eshop.order.pay-timeout=" + o.payTimeout,
                        "--eshop.order.reconcile-grace=PT5S",
                        "--eshop.rocketmq.retry-delay-level=" + o.retryDelayLevel,
                        "--eshop.rocketmq.max-reconsume-times=" + o.maxReconsume,
                        "--eshop.faults.enabled=true");
        LocalStackConfig base = b.build();
        b.dataDir(o.dataDir != null ? o.dataDir : base.repoDir().resolve(".local-stack").resolve("chaos"));
        return b.build();
    }

    /** Starts the stack, runs the rounds and the final check, prints the report, stops the stack; the exit code. */
    private static int run(Options o, List<Scenario> scenarios, LocalStack stack, Consumer<String> log) {
        int exit = 0;
        long started = System.currentTimeMillis();
        List<WorkloadDriver.RoundResult> results = new ArrayList<>();
        SuiteClient client = null;
        FaultInjector faults = null;
        try {
            stack.start();
            client = new SuiteClient(stack.dubboRegistryAddress(), stack.internalApiSecret());
            InvariantChecker checker = new InvariantChecker(stack::jdbcUrl, stack.nameServerAddress(),
                    InvariantChecker.Options.defaults().withScanInterval(o.scanInterval).withTolerance(Duration.ofSeconds(30)));
            faults = new FaultInjector(stack, FaultInjector.Rates.defaults(), log);
            StockBaseline runBaseline = checker.captureBaseline();
            try (WorkloadDriver driver = new WorkloadDriver(stack, client, stack::jdbcUrl, driverConfig(o), CouponPool.demo(),
                    faults, checker, log)) {
                runRounds(driver, o, scenarios, started + (long) (o.minutes * 60_000), results);
            }
            List<String> notOff = faults.clearAll();
            log.accept(notOff.isEmpty() ? "every fault point is off again" : "fault points NOT off: " + notOff);
            CheckReport all = checker.check(CheckScope.all(), runBaseline);
            log.accept("final check of the whole suite: " + all.format(200));
            long violations = printReport(results, all, started);
            exit = violations == 0 && notOff.isEmpty() ? 0 : 1;
        } catch (RuntimeException e) {
            e.printStackTrace();
            if (!results.isEmpty()) {
                System.out.println(ChaosReport.table(results));
                System.out.println(ChaosReport.details(results));
            }
            exit = 1;
        } finally {
            shutDown(faults, o.keepStack && exit == 0, client, stack, log);
        }
        return exit;
    }

    private static WorkloadDriver.Config driverConfig(Options o) {
        return WorkloadDriver.Config.defaults(o.seed, o.payTimeout).withWorkers(o.workers)
                .withScan(o.scanInterval, false).withCreateGate(o.createGate)
                .withMaxInFlight(o.inFlight > 0 ? o.inFlight : 3 * o.workers);
    }

    /** One scenario per round in turn, until the order count or the deadline is reached. */
    private static void runRounds(WorkloadDriver driver, Options o, List<Scenario> scenarios, long deadline,
                                  List<WorkloadDriver.RoundResult> results) {
        int done = 0;
        int round = 0;
        while (done < o.orders && System.currentTimeMillis() < deadline) {
            Scenario scenario = scenarios.get(round % scenarios.size());
            round++;
            int n = Math.min(o.roundSize, o.orders - done);
            results.add(driver.runRound(round, scenario, n));
            done += n;
        }
    }

    /** Prints the table, every violation and the totals; the number of violations. */
    private static long printReport(List<WorkloadDriver.RoundResult> results, CheckReport all, long started) {
        System.out.println();
        System.out.println(ChaosReport.table(results));
        System.out.println(ChaosReport.details(results));
        System.out.println("final check of all orders: " + all.format(Integer.MAX_VALUE));
        long violations = ChaosReport.violations(results) + all.violations().size();
        System.out.printf(Locale.ROOT, "%nchaos run: %d round(s), %d order(s), %d violation(s) in the rounds, %d in the final "
                        + "check of all orders (it sees again what the rounds left, and what changed since), %.1f min%n", results.size(),
                results.stream().mapToInt(WorkloadDriver.RoundResult::orders).sum(), ChaosReport.violations(results),
                all.violations().size(), (System.currentTimeMillis() - started) / 60_000.0);
        return violations;
    }

    private static void shutDown(FaultInjector faults, boolean keepStack, SuiteClient client, LocalStack stack,
                                 Consumer<String> log) {
        if (faults != null) {
            try {
                faults.clearAll();
            } catch (RuntimeException ignored) {
                // the stack is going down anyway
            }
        }
        if (keepStack) {
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
