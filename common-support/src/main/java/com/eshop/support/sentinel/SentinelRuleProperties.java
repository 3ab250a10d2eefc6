package com.eshop.support.sentinel;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sentinel rules by resource name, in-process (no dashboard): flow limits of public API methods
 * ({@code ApiResults.call(resource, ...)}) and circuit breakers of downstream calls ({@code SentinelGuard.outbound}).
 * Reloaded on every configuration change under {@code eshop.sentinel} ({@link SentinelRules}).
 */
@Data
@ConfigurationProperties("eshop.sentinel")
public class SentinelRuleProperties {
    /**
     * Where Sentinel writes its own logs (metrics, blocks), one file set per process id; never {@code ~/logs/csp}.
     * Read once, before Sentinel's first use: a change needs a restart.
     */
    private String logDir = "logs/sentinel";
    /**
     * Flow limits by public API method ({@code Api.method}), each with {@code max-concurrent-calls} and
     * {@code max-qps} (0, the default: no limit), e.g. {@code eshop.sentinel.flow[OrderApi.createOrder].max-concurrent-calls=64}.
     */
    private Map<String, FlowLimit> flow = new LinkedHashMap<>();
    /**
     * Circuit breakers by downstream resource ({@code PayApi}, {@code FulfillApi.cancelFulfill}), each with
     * {@code failure-ratio} (0.5), {@code slow-call-duration} (5s), {@code slow-call-ratio} (0.8), {@code min-calls} (20),
     * {@code window} (10s) and {@code open-duration} (10s), e.g. {@code eshop.sentinel.circuit-breakers[PayApi].min-calls=20}.
     */
    private Map<String, CircuitBreaker> circuitBreakers = new LinkedHashMap<>();

    @Data
    public static class FlowLimit {
        /** Calls in progress at once; one more answers FLOW_LIMITED at once instead of queueing. 0: no limit. */
        private int maxConcurrentCalls = 0;
        /** Calls started per second; one more answers FLOW_LIMITED. 0: no limit. */
        private double maxQps = 0;
        /**
         * The latency the admitted calls should keep. When set, the calls admitted at once adapt to it
         * ({@link AdaptiveConcurrencyLimit}) between {@code min-concurrent-calls} and {@code max-concurrent-calls}: under
         * overload the calls over the learnt limit answer FLOW_LIMITED at once instead of queueing. Unset: no adaptive limit.
         */
        private Duration latencyTarget;
        /** The adaptive limit never goes below this many calls at once. */
        private int minConcurrentCalls = 4;
    }

    @Data
    public static class CircuitBreaker {
        /** Share of failed calls (timeouts, unreachable, SYSTEM_ERROR-like answers) in the window that opens the breaker. */
        private double failureRatio = 0.5;
        /** A call that takes longer than this counts as slow. */
        private Duration slowCallDuration = Duration.ofSeconds(5);
        /** Share of slow calls in the window that opens the breaker. */
        private double slowCallRatio = 0.8;
        /** Calls the window must hold before either ratio can open the breaker. */
        private int minCalls = 20;
        /** The sliding window the ratios are computed over. */
        private Duration window = Duration.ofSeconds(10);
        /** How long an open breaker refuses (DOWNSTREAM_UNAVAILABLE) before one trial call may close it again (whole seconds). */
        private Duration openDuration = Duration.ofSeconds(10);
    }
}
