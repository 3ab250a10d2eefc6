package com.eshop.stack;

import com.eshop.stack.demo.Demo;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of {@code run-local.sh}: starts the local stack, prints the summary, runs the demo and waits for
 * Ctrl-C (the shutdown hook of {@link LocalStack} then stops everything).
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStackOptions options;
        try {
            options = LocalStackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LocalStackOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.print(LocalStackOptions.USAGE);
            return;
        }

        LocalStackConfig config;
        try {
            config = options.configBuilder().build();
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
        if (options.demo && !options.infraOnly) {
            try {
                Demo.run(stack);
            } catch (RuntimeException e) {
                System.err.println("demo failed (the stack keeps running): " + e);
                e.printStackTrace();
            }
        }
        System.out.printf(Locale.ROOT, "%nlocal stack running (%s). Press Ctrl-C to stop.%n",
                options.infraOnly ? "infrastructure only" : "pay timeout " + options.payTimeout + ", scan every " + options.scanInterval);
        new CountDownLatch(1).await();
    }
}
