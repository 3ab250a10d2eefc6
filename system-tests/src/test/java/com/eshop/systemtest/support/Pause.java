package com.eshop.systemtest.support;

/** {@link Thread#sleep} for tests: an interrupt ends the test instead of being swallowed. */
public final class Pause {
    private Pause() {
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
