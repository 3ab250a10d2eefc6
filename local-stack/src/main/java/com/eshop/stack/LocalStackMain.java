package com.eshop.stack;

import com.eshop.stack.demo.Demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code run-local.sh}: starts the local stack, prints the summary, runs the demo and waits for
 * Ctrl-C (the shutdown hook of {@link LocalStack} then stops everything).
 */
public final class LocalStackMain {

    private static final String USAGE = """
            usage: ./run-local.sh [options]
              --reset                  wipe the data directory (<repo>/.local-stack) first
              --infra-only             start MariaDB, Redis, ZooKeeper, RocketMQ, Seata TC only (no services, no demo)
              --no-demo                do not run the demo after start-up
              --pay-timeout <ISO-8601> order pay timeout given to the services (default PT20S)
              --scan-interval <ISO>    interval of the autoCancelExpiredOrderTask trigger (default PT10S; PT0S = off)
              --reconcile-interval <ISO> interval of the reconcileCancelledOrdersTask trigger (default PT30S; PT0S = off)
              --reconcile-grace <ISO>  age of a cancel before reconciliation looks at it (default PT1M)
              --cds                    service JVMs with class-data-sharing archives: the first start after a build that
                                       changed a service trains its archive (slower start and stop), later ones map it
              --scale-out              two instances each of order-, fulfill- and pay-service (the jobs sharded over both)
              --data-dir <dir>         data directory (default <repo>/.local-stack)
              --sql-dir <dir>          directory of the *.sql files (default <repo>/sql)
              --skip-build             (run-local.sh) do not run Maven first
              --<key>=<value>          any other Spring argument, given to every service
              --help                   this text
            """;

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean reset = false;
        boolean infraOnly = false;
        boolean demo = true;
        boolean scaleOut = false;
        boolean classDataSharing = false;
        Duration payTimeout = Duration.ofSeconds(20);
        Duration scanInterval = Duration.ofSeconds(10);
        Duration reconcileInterval = Duration.ofSeconds(30);
        Duration reconcileGrace = Duration.ofMinutes(1);
        Path dataDir = null;
        Path sqlDir = null;
        List<String> extra = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--reset" -> reset = true;
                    case "--infra-only" -> infraOnly = true;
                    case "--no-demo" -> demo = false;
                    case "--scale-out" -> scaleOut = true;
                    case "--cds" -> classDataSharing = true;
                    case "--pay-timeout" -> payTimeout = duration(value(args, ++i, a), a);
                    case "--scan-interval" -> scanInterval = duration(value(args, ++i, a), a);
                    case "--reconcile-interval" -> reconcileInterval = duration(value(args, ++i, a), a);
                    case "--reconcile-grace" -> reconcileGrace = duration(value(args, ++i, a), a);
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, a));
                    case "--sql-dir" -> sqlDir = Path.of(value(args, ++i, a));
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> {
                        if (a.startsWith("--") && a.contains("=")) {
                            extra.add(a); // passed to every service as a Spring argument
                        } else {
                            throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }

        LocalStackConfig.Builder b = LocalStackConfig.builder()
                .reset(reset)
                .infraOnly(infraOnly)
                .scanInterval(scanInterval)
                .reconcileInterval(reconcileInterval)
                .scaleOut(scaleOut)
                .classDataSharing(classDataSharing)
                .springArgs("--eshop.order.pay-timeout=" + payTimeout, "--eshop.order.reconcile-grace=" + reconcileGrace)
                .springArgs(extra);
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        if (sqlDir != null) {
            b.sqlDir(sqlDir);
        }
        LocalStackConfig config;
        try {
            config = b.build();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // before the first logger is created: local-stack-logback.xml writes to <data>/logs/local-stack.log
        System.setProperty("eshop.local-stack.log-dir", config.dataDir().resolve("logs").toString());

        LocalStack stack = new LocalStack(config);
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nlocal stack failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        stack.printSummary();
        if (demo && !infraOnly) {
            try {
                Demo.run(stack);
            } catch (RuntimeException e) {
                System.err.println("demo failed (the stack keeps running): " + e);
                e.printStackTrace();
            }
        }
        System.out.printf(Locale.ROOT, "%nlocal stack running (%s). Press Ctrl-C to stop.%n",
                infraOnly ? "infrastructure only" : "pay timeout " + payTimeout + ", scan every " + scanInterval);
        new CountDownLatch(1).await();
    }

    private static Duration duration(String text, String option) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not an ISO-8601 duration (e.g. PT20S, PT1M)");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
