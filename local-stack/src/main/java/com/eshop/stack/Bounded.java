package com.eshop.stack;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** Runs a step on a daemon thread and gives up waiting after a timeout, so a hung shutdown cannot hang the JVM. */
final class Bounded {
    private Bounded() {
    }

    static void run(String what, Runnable task, long timeoutMs, Consumer<String> log) {
        FutureTask<Void> f = new FutureTask<>(task, null);
        Thread t = new Thread(f, "local-stack-" + what.replace(' ', '-'));
        t.setDaemon(true);
        t.start();
        try {
            f.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.accept(what + " still running after " + timeoutMs + " ms; moving on");
        } catch (ExecutionException e) {
            log.accept(what + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
