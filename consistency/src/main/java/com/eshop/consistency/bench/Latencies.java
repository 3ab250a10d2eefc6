package com.eshop.consistency.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Thread-safe collection of durations in milliseconds with nearest-rank percentiles. */
final class Latencies {
    private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());

    void add(long ms) {
        millis.add(ms);
    }

    int count() {
        return millis.size();
    }

    long percentile(double p) {
        List<Long> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** "p50 120 ms, p99 340 ms" (or seconds above 10 s). */
    String p50p99() {
        return count() == 0 ? "no samples" : "p50 " + format(percentile(50)) + ", p99 " + format(percentile(99));
    }

    static String format(long ms) {
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : ms + " ms";
    }
}
