package com.eshop.support.config;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How often the Redis client retries a command that timed out or found no connection. Together with
 * {@code spring.data.redis.timeout} they bound how long a request waits on an unreachable Redis:
 * (retry-attempts + 1) × timeout + retry-attempts × retry-interval, which must stay well inside the callers' Dubbo
 * timeout so that they get DEPENDENCY_UNAVAILABLE, not their own timeout.
 */
@Data
@ConfigurationProperties("eshop.redis")
public class RedisClientProperties {
    /** Retries of a Redis command after its first attempt (Redisson's retryAttempts). */
    private int retryAttempts = 1;
    /** Pause before each retry (Redisson's retryInterval). */
    private Duration retryInterval = Duration.ofMillis(500);
}
