package com.eshop.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Start-up parts run side by side and waited for (bounded), and stop tasks run side by side. */
final class Parallel {
    private Parallel() {
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Waits for every part; throws the first failure (the others suppressed), or a time-out pointing at {@code logDir}. */
    static void awaitAll(List<Future<?>> parts, Duration timeout, String what, Path logDir) throws Exception {
        Exception first = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : parts) {
            try {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                Exception ex = new IllegalStateException(what + " not up after " + timeout.toSeconds()
                        + " s (see " + logDir + ")");
                if (first == null) {
                    first = ex;
                }
                f.cancel(true);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                Exception ex = c instanceof Exception ce ? ce : new IllegalStateException(c);
                if (first == null) {
                    first = ex;
                } else {
                    first.addSuppressed(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs the tasks on daemon threads side by side and waits for all of them. */
    static void run(List<Runnable> tasks) {
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : tasks) {
            Thread t = new Thread(r, "local-stack-stop");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
