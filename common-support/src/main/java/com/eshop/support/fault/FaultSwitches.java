package com.eshop.support.fault;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Named fault-injection points for the consistency suite, each with a probability. All of them are inert
 * unless the service was started with {@code eshop.faults.enabled=true}, which only the test launcher sets;
 * then the rates can be changed at runtime through the {@code faults} actuator endpoint. Point names are in
 * {@link com.eshop.common.api.FaultPoints}.
 */
public class FaultSwitches {
    private final boolean enabled;
    private final Map<String, Double> rates = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();

    public FaultSwitches(boolean enabled, Map<String, Double> initialRates) {
        this.enabled = enabled;
        if (enabled) {
            rates.putAll(initialRates);
        }
    }

    public static FaultSwitches disabled() {
        return new FaultSwitches(false, Map.of());
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** True with the configured probability of {@code point}; always false unless enabled. */
    public boolean shouldInject(String point) {
        if (!enabled) {
            return false;
        }
        double rate = rates.getOrDefault(point, 0.0);
        if (rate <= 0 || ThreadLocalRandom.current().nextDouble() >= rate) {
            return false;
        }
        injected.computeIfAbsent(point, p -> new AtomicLong()).incrementAndGet();
        return true;
    }

    public void setRate(String point, double rate) {
        if (!enabled) {
            throw new IllegalStateException("fault injection is disabled in this service");
        }
        rates.put(point, rate);
    }

    public Map<String, Object> report() {
        Map<String, Object> report = new TreeMap<>();
        rates.forEach((point, rate) -> report.put(point, Map.of("rate", rate,
                "injected", injected.getOrDefault(point, new AtomicLong()).get())));
        injected.forEach((point, count) -> report.putIfAbsent(point, Map.of("rate", 0.0, "injected", count.get())));
        return report;
    }
}
