package com.eshop.support.sentinel;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The adaptive concurrency limits of the public API methods that have a {@code latency-target}
 * ({@link SentinelRuleProperties.FlowLimit}), by resource; loaded by {@link SentinelRules} beside Sentinel's own rules
 * and read by {@code SentinelGuard.inbound} on every call. A reload keeps the learnt limit of a resource whose settings
 * did not change.
 */
public final class AdaptiveLimits {
    private static volatile Map<String, Entry> limits = Map.of();

    private AdaptiveLimits() {
    }

    /** The adaptive limit of a resource, or null when it has none. */
    public static AdaptiveConcurrencyLimit of(String resource) {
        Entry entry = limits.get(resource);
        return entry == null ? null : entry.limit();
    }

    /** The resources that have an adaptive limit now. */
    public static Set<String> resources() {
        return limits.keySet();
    }

    static synchronized void load(SentinelRuleProperties properties) {
        Map<String, Entry> loaded = new HashMap<>();
        properties.getFlow().forEach((resource, flow) -> {
            if (flow.getLatencyTarget() != null) {
                Settings settings = new Settings(flow.getLatencyTarget(), flow.getMinConcurrentCalls(),
                        flow.getMaxConcurrentCalls() > 0 ? flow.getMaxConcurrentCalls() : Integer.MAX_VALUE);
                Entry previous = limits.get(resource);
                loaded.put(resource, previous != null && previous.settings().equals(settings) ? previous
                        : new Entry(settings, new AdaptiveConcurrencyLimit(settings.latencyTarget(), settings.min(), settings.max())));
            }
        });
        limits = Map.copyOf(loaded);
    }

    private record Settings(Duration latencyTarget, int min, int max) {
    }

    private record Entry(Settings settings, AdaptiveConcurrencyLimit limit) {
    }
}
