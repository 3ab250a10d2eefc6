package com.eshop.stack;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The progress lines of a stack (stamped with the time since start()) and the start-up timings of its components. */
final class StackProgress {
    private final Consumer<String> out;
    private volatile long startNanos;
    /** component -> [startup millis, ready-at millis since start()] */
    private final Map<String, long[]> timings = new ConcurrentHashMap<>();

    StackProgress(Consumer<String> out) {
        this.out = out;
    }

    void markStart() {
        startNanos = System.nanoTime();
    }

    long sinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    long startEpochMillis() {
        return System.currentTimeMillis() - (System.nanoTime() - startNanos) / 1_000_000;
    }

    void line(String line) {
        double t = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        out.accept(String.format(Locale.ROOT, "[local-stack %s +%5.1fs] %s",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), t, line));
    }

    /** A component is up: it took {@code millis}, and is ready now. */
    void recordUp(String component, long millis) {
        timings.put(component, new long[]{millis, sinceStart()});
    }

    /** [startup millis, ready-at millis since start()] of a component, or null. */
    long[] timing(String component) {
        return timings.get(component);
    }

    /** One stop step, bounded: a hung component must not keep the JVM (and Ctrl-C) from finishing. */
    void stopStep(String what, Runnable r) {
        Bounded.run("stopping " + what, r, 45_000, this::line);
    }
}
