package com.eshop.support.lock;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Rebound on a configuration refresh (Nacos in the compose profile); {@link RedisLock} reads it on every acquisition. */
@Data
@ConfigurationProperties("eshop.lock")
public class LockProperties {
    /** How long a request waits for a busy lock before LOCK_BUSY. */
    private Duration waitTime = Duration.ofSeconds(5);
}
