package com.eshop.support.lock;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Against a real Redis: a lock that was not acquired is never released (defect 7), multi-lock is all or nothing. */
class RedisLockTest {
    private static RedisServer redis;
    private static RedissonClient redisson;
    private static RedisLock redisLock;

    @BeforeAll
    static void startRedis() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
        redis.start();
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
        redisson = Redisson.create(config);
        redisLock = new RedisLock(redisson, Duration.ofMillis(200));
    }

    @AfterAll
    static void stopRedis() throws IOException {
        redisson.shutdown();
        redis.stop();
    }

    @Test
    void aFailedAttemptLeavesTheHoldersLockInPlace() throws Exception {
        try (RedisLock.LockHandle held = redisLock.lock("order:cancel:O1")) {
            CompletableFuture<Throwable> loser = CompletableFuture.supplyAsync(() -> {
                try (RedisLock.LockHandle ignored = redisLock.lock("order:cancel:O1")) {
                    return null;
                } catch (BizException e) {
                    return e;
                }
            });

            assertThat(loser.get()).isInstanceOfSatisfying(BizException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.LOCK_BUSY));
            assertThat(redisson.getLock("order:cancel:O1").isLocked()).as("still held by the winner").isTrue();
            assertThat(CompletableFuture.supplyAsync(() -> redisLock.tryLockNow("order:cancel:O1")).get()).isEmpty();
        }
        assertThat(redisson.getLock("order:cancel:O1").isLocked()).isFalse();
    }

    @Test
    void multiLockTakesAllKeysOrNone() throws Exception {
        try (RedisLock.LockHandle cancel = redisLock.lock("order:cancel:O2")) {
            CompletableFuture<Throwable> payCallback = CompletableFuture.supplyAsync(() -> {
                try (RedisLock.LockHandle ignored = redisLock.multiLock(List.of("order:pay:O2", "order:cancel:O2"))) {
                    return null;
                } catch (BizException e) {
                    return e;
                }
            });

            assertThat(payCallback.get()).isInstanceOf(BizException.class);
            assertThat(redisson.getLock("order:pay:O2").isLocked()).as("no partial multi-lock left behind").isFalse();
        }
        try (RedisLock.LockHandle both = redisLock.multiLock(List.of("order:pay:O2", "order:cancel:O2"))) {
            assertThat(redisson.getLock("order:pay:O2").isLocked()).isTrue();
        }
    }

    @Test
    void closingTwiceReleasesOnce() {
        RedisLock.LockHandle handle = redisLock.lock("order:pay:O3");
        handle.close();
        try (RedisLock.LockHandle other = redisLock.lock("order:pay:O3")) {
            handle.close();
            assertThat(redisson.getLock("order:pay:O3").isLocked()).as("a second close must not release someone else's lock").isTrue();
        }
        assertThatCode(() -> redisLock.tryLockNow("order:pay:O3").orElseThrow().close()).doesNotThrowAnyException();
    }
}
