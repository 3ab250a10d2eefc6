package com.eshop.support.lock;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Rebound on a configuration refresh (Nacos in the compose profile); {@link RedisLock} reads it on every acquisition. */
@Data
@ConfigurationProperties("eshop.lock")
public class LockProperties {
    /** How long a request waits for a busy lock before LOCK_BUSY. */
    private Duration waitTime = Duration.ofSeconds(5);
    /**
     * The locks this service takes, as {@code eshop.lock.busy} tags them (the key prefix, e.g. {@code order:cancel};
     * a multi-lock's prefixes joined with '+'): their refusal counters are exported at zero from start.
     */
    private List<String> names = new ArrayList<>();
}
