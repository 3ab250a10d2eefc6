package com.eshop.support.sentinel;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A concurrency limit that follows the latency the admitted calls actually get, instead of a number tuned for one
 * machine (additive increase, multiplicative decrease against a latency target):
 * <ul>
 *   <li>a call that finished within the target while the limit was in use (at least half of it in flight) raises the
 *       limit by 1/limit, about one more call in flight per limit's worth of good calls;</li>
 *   <li>a call that took longer lowers it to {@value #BACKOFF} of itself, at most once per target's duration so that the
 *       calls already in flight when the machine slowed down count as one signal, not many;</li>
 *   <li>the limit stays between {@code min} and {@code max}; a call over it is refused at once.</li>
 * </ul>
 * On a machine that serves more, the limit grows until latency reaches the target; when the machine is saturated
 * (by these calls or by anything else on it), it shrinks until the admitted calls meet the target again, and the rest
 * are refused without waiting. Thread-safe; the critical sections are a few arithmetic operations.
 */
public final class AdaptiveConcurrencyLimit {
    static final double BACKOFF = 0.8;

    private final long latencyTargetNanos;
    private final int min;
    private final int max;
    private final LongSupplier nanoClock;
    private double limit;
    private int inFlight;
    private long lastDecreaseNanos;

    public AdaptiveConcurrencyLimit(Duration latencyTarget, int min, int max) {
        this(latencyTarget, min, max, System::nanoTime);
    }

    AdaptiveConcurrencyLimit(Duration latencyTarget, int min, int max, LongSupplier nanoClock) {
        if (latencyTarget.isNegative() || latencyTarget.isZero() || min < 1 || max < min) {
            throw new IllegalArgumentException("adaptive limit needs a positive latency target and 1 <= min <= max, got "
                    + latencyTarget + ", " + min + ", " + max);
        }
        this.latencyTargetNanos = latencyTarget.toNanos();
        this.min = min;
        this.max = max;
        this.nanoClock = nanoClock;
        this.limit = min;
        this.lastDecreaseNanos = nanoClock.getAsLong() - latencyTargetNanos;
    }

    /** Admits one call if fewer than the limit are in flight; each admitted call must be {@link #release}d once. */
    public synchronized boolean tryAcquire() {
        if (inFlight >= (int) limit) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** Ends an admitted call that took {@code latencyNanos}, whatever its outcome, and adapts the limit to it. */
    public synchronized void release(long latencyNanos) {
        int inFlightWithThisCall = inFlight;
        inFlight--;
        if (latencyNanos > latencyTargetNanos) {
            long now = nanoClock.getAsLong();
            if (now - lastDecreaseNanos >= latencyTargetNanos) {
                limit = Math.max(min, limit * BACKOFF);
                lastDecreaseNanos = now;
            }
        } else if (2 * inFlightWithThisCall >= limit) {
            limit = Math.min(max, limit + 1 / limit);
        }
    }

    /** Calls admitted at once now. */
    public synchronized int limit() {
        return (int) limit;
    }

    public synchronized int inFlight() {
        return inFlight;
    }
}
