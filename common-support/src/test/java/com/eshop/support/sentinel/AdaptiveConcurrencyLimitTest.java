package com.eshop.support.sentinel;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdaptiveConcurrencyLimitTest {
    private static final Duration TARGET = Duration.ofMillis(500);
    private static final long FAST = Duration.ofMillis(100).toNanos();
    private static final long SLOW = Duration.ofSeconds(2).toNanos();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AdaptiveConcurrencyLimit limit = new AdaptiveConcurrencyLimit(TARGET, 2, 10, now::get);

    @Test
    void startsAtItsMinimumAndRefusesTheCallOverIt() {
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).isTrue();
        assertThat(limit.tryAcquire()).as("a third call at once over the starting limit of 2").isFalse();
        assertThat(limit.inFlight()).as("a refused call holds nothing").isEqualTo(2);
    }

    @Test
    void callsWithinTheTargetWhileTheLimitIsInUseRaiseItUpToTheMaximum() {
        for (int i = 0; i < 500; i++) {
            fillAndRelease(FAST);
        }
        assertThat(limit.limit()).isEqualTo(10);
        assertThat(limit.tryAcquire()).isTrue();
    }

    @Test
    void callsWithinTheTargetWithTheLimitMostlyUnusedDoNotRaiseIt() {
        for (int i = 0; i < 500; i++) {
            assertThat(limit.tryAcquire()).isTrue();
            limit.release(FAST);
        }
        assertThat(limit.limit()).as("one call at a time never needed more than 2").isEqualTo(2);
    }

    @Test
    void slowCallsLowerItOncePerTargetDurationDownToTheMinimumThenGoodCallsRaiseItAgain() {
        for (int i = 0; i < 500; i++) {
            fillAndRelease(FAST);
        }
        assertThat(limit.limit()).isEqualTo(10);

        fillAndRelease(SLOW);
        assertThat(limit.limit()).as("ten slow calls at the same moment are one signal").isEqualTo(8);

        for (int i = 0; i < 20; i++) {
            now.addAndGet(TARGET.toNanos());
            fillAndRelease(SLOW);
        }
        assertThat(limit.limit()).as("never below the minimum").isEqualTo(2);

        for (int i = 0; i < 500; i++) {
            fillAndRelease(FAST);
        }
        assertThat(limit.limit()).as("recovered once latency is back within the target").isEqualTo(10);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new AdaptiveConcurrencyLimit(Duration.ZERO, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveConcurrencyLimit(TARGET, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveConcurrencyLimit(TARGET, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Admits as many calls as the limit allows, then ends them all with the same latency. */
    private void fillAndRelease(long latencyNanos) {
        int admitted = 0;
        while (limit.tryAcquire()) {
            admitted++;
        }
        for (int i = 0; i < admitted; i++) {
            limit.release(latencyNanos);
        }
    }
}
