package com.eshop.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code run-local.sh} ({@link LocalStackMain}). */
final class LocalStackOptions {

    static final String USAGE = """
            usage: ./run-local.sh [options]
              --reset                  wipe the data directory (<repo>/.local-stack) first
              --infra-only             start MariaDB, Redis, ZooKeeper, RocketMQ, Seata TC only (no services, no demo)
              --no-demo                do not run the demo after start-up
              --pay-timeout <ISO-8601> order pay timeout given to the services (default PT20S)
              --scan-interval <ISO>    interval of the autoCancelExpiredOrderTask trigger (default PT10S; PT0S = off)
              --reconcile-interval <ISO> interval of the reconcileCancelledOrdersTask trigger (default PT30S; PT0S = off)
              --reconcile-grace <ISO>  age of a cancel before reconciliation looks at it (default PT1M)
              --no-cds                 service JVMs without their class-data-sharing archives (by default the first start
                                       after a build that changed a service trains its archive, a slower start and stop,
                                       and later ones map it: ready in about half the time)
              --scale-out              two instances each of order-, fulfill- and pay-service (the jobs sharded over both)
              --data-dir <dir>         data directory (default <repo>/.local-stack)
              --sql-dir <dir>          directory of the *.sql files (default <repo>/sql)
              --skip-build             (run-local.sh) do not run Maven first
              --<key>=<value>          any other Spring argument, given to every service
              --help                   this text
            """;

    boolean help;
    boolean reset;
    boolean infraOnly;
    boolean demo = true;
    boolean scaleOut;
    boolean classDataSharing = true;
    Duration payTimeout = Duration.ofSeconds(20);
    Duration scanInterval = Duration.ofSeconds(10);
    Duration reconcileInterval = Duration.ofSeconds(30);
    Duration reconcileGrace = Duration.ofMinutes(1);
    Path dataDir;
    Path sqlDir;
    /** Passed to every service as Spring arguments. */
    final List<String> springArgs = new ArrayList<>();

    private LocalStackOptions() {
    }

    /** @throws IllegalArgumentException an unknown option, a missing value or a malformed duration */
    static LocalStackOptions parse(String[] args) {
        LocalStackOptions o = new LocalStackOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--reset" -> o.reset = true;
                case "--infra-only" -> o.infraOnly = true;
                case "--no-demo" -> o.demo = false;
                case "--scale-out" -> o.scaleOut = true;
                case "--no-cds" -> o.classDataSharing = false;
                case "--pay-timeout" -> o.payTimeout = duration(value(args, ++i, a), a);
                case "--scan-interval" -> o.scanInterval = duration(value(args, ++i, a), a);
                case "--reconcile-interval" -> o.reconcileInterval = duration(value(args, ++i, a), a);
                case "--reconcile-grace" -> o.reconcileGrace = duration(value(args, ++i, a), a);
                case "--data-dir" -> o.dataDir = Path.of(value(args, ++i, a));
                case "--sql-dir" -> o.sqlDir = Path.of(value(args, ++i, a));
                case "-h", "--help" -> {
                    o.help = true;
                    return o;
                }
                default -> {
                    if (a.startsWith("--") && a.contains("=")) {
                        o.springArgs.add(a);
                    } else {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                }
            }
        }
        return o;
    }

    LocalStackConfig.Builder configBuilder() {
        LocalStackConfig.Builder b = LocalStackConfig.builder()
                .reset(reset)
                .infraOnly(infraOnly)
                .scanInterval(scanInterval)
                .reconcileInterval(reconcileInterval)
                .scaleOut(scaleOut)
                .classDataSharing(classDataSharing)
                .springArgs("--eshop.order.pay-timeout=" + payTimeout, "--eshop.order.reconcile-grace=" + reconcileGrace)
                .springArgs(springArgs);
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        if (sqlDir != null) {
            b.sqlDir(sqlDir);
        }
        return b;
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
