package com.eshop.inventory.application;

import com.eshop.support.lock.RedisLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link RedisLock} over in-process locks, so the use cases run without Redis. */
final class TestLocks {
    private TestLocks() {
    }

    static RedisLock redisLock() {
        Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
        RedissonClient client = (RedissonClient) Proxy.newProxyInstance(TestLocks.class.getClassLoader(),
                new Class<?>[]{RedissonClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getLock")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return rLock(locks.computeIfAbsent((String) args[0], k -> new ReentrantLock()));
                });
        return new RedisLock(client, Duration.ofSeconds(1));
    }

    private static RLock rLock(ReentrantLock lock) {
        return (RLock) Proxy.newProxyInstance(TestLocks.class.getClassLoader(), new Class<?>[]{RLock.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "tryLock" -> lock.tryLock((Long) args[0], (TimeUnit) args[1]);
                    case "unlock" -> {
                        lock.unlock();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
