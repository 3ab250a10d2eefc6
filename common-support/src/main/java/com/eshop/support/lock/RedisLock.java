package com.eshop.support.lock;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import com.eshop.support.metrics.EshopMetrics;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Redisson locks for the whole suite. A lock is held through a {@link LockHandle}: only a lock that was
 * acquired is ever unlocked (the article unlocks in {@code finally} even when {@code lock} failed).
 * Leases are renewed by Redisson's watchdog while the holder lives. The wait time is read on every acquisition, so a
 * configuration refresh ({@link LockProperties}) applies to the next request.
 */
public class RedisLock {
    private final RedissonClient redissonClient;
    private final Supplier<Duration> waitTime;
    private final EshopMetrics metrics;

    /** The wait time is read on every acquisition, so a configuration refresh takes effect at once. */
    public RedisLock(RedissonClient redissonClient, Supplier<Duration> waitTime, EshopMetrics metrics) {
        this.redissonClient = redissonClient;
        this.waitTime = waitTime;
        this.metrics = metrics;
    }

    /** Refusals counted in a registry of its own (tests' locks). */
    public RedisLock(RedissonClient redissonClient, Duration waitTime) {
        this(redissonClient, () -> waitTime, EshopMetrics.unregistered());
    }

    /** Waits up to the configured wait time; throws LOCK_BUSY if the lock stays taken. */
    public LockHandle lock(String key) {
        return acquire(redissonClient.getLock(key), waitTime.get(), key)
                .orElseThrow(() -> busy(EshopMetrics.lockPrefix(key), "lock busy: " + key));
    }

    /** All keys or none (Redisson MultiLock), e.g. ORDER_PAY_KEY + CANCEL_KEY for the pay callback. */
    public LockHandle multiLock(List<String> keys) {
        RLock[] locks = keys.stream().map(redissonClient::getLock).toArray(RLock[]::new);
        return acquire(redissonClient.getMultiLock(locks), waitTime.get(), String.join(",", keys))
                .orElseThrow(() -> busy(keys.stream().map(EshopMetrics::lockPrefix).collect(Collectors.joining("+")), "lock busy: " + keys));
    }

    private BizException busy(String lockPrefix, String message) {
        metrics.lockBusy(lockPrefix);
        return new BizException(ErrorCode.LOCK_BUSY, message);
    }

    /** Does not wait: empty when someone else holds the lock. */
    public Optional<LockHandle> tryLockNow(String key) {
        return acquire(redissonClient.getLock(key), Duration.ZERO, key);
    }

    private Optional<LockHandle> acquire(RLock lock, Duration wait, String name) {
        try {
            if (lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of(new LockHandle(lock, name));
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BizException(ErrorCode.LOCK_BUSY, "interrupted while waiting for " + name);
        }
    }

    /** An acquired lock; {@link #close()} releases it once. */
    public static final class LockHandle implements AutoCloseable {
        private final RLock lock;
        private final String name;
        private boolean held = true;

        private LockHandle(RLock lock, String name) {
            this.lock = lock;
            this.name = name;
        }

        public String name() {
            return name;
        }

        @Override
        public void close() {
            if (held) {
                held = false;
                lock.unlock();
            }
        }
    }
}
