package com.eshop.support.lock;

import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link RedisLock} over in-process locks, so use cases and the check-back dispatch run without Redis. */
public final class InProcessRedisLock {
    private InProcessRedisLock() {
    }

    public static RedisLock create() {
        return create(Duration.ofSeconds(1));
    }

    public static RedisLock create(Duration waitTime) {
        Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
        RedissonClient client = (RedissonClient) Proxy.newProxyInstance(InProcessRedisLock.class.getClassLoader(),
                new Class<?>[]{RedissonClient.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLock" -> rLock(List.of(locks.computeIfAbsent((String) args[0], k -> new ReentrantLock())));
                    case "getMultiLock" -> rLock(multiLockParts((RLock[]) args[0], locks));
                    case "getName" -> "in-process";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new RedisLock(client, waitTime);
    }

    private static List<ReentrantLock> multiLockParts(RLock[] parts, Map<String, ReentrantLock> locks) {
        List<ReentrantLock> result = new ArrayList<>();
        for (RLock part : parts) {
            result.addAll(((Parts) Proxy.getInvocationHandler(part)).locks());
        }
        return result;
    }

    private record Parts(List<ReentrantLock> locks) implements java.lang.reflect.InvocationHandler {
        @Override
        public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "tryLock" -> tryLockAll((Long) args[0], (TimeUnit) args[1]);
                case "unlock" -> {
                    locks.forEach(ReentrantLock::unlock);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }

        private boolean tryLockAll(long wait, TimeUnit unit) throws InterruptedException {
            List<ReentrantLock> taken = new ArrayList<>();
            for (ReentrantLock lock : locks) {
                if (!lock.tryLock(wait, unit)) {
                    taken.forEach(ReentrantLock::unlock);
                    return false;
                }
                taken.add(lock);
            }
            return true;
        }
    }

    private static RLock rLock(List<ReentrantLock> locks) {
        return (RLock) Proxy.newProxyInstance(InProcessRedisLock.class.getClassLoader(), new Class<?>[]{RLock.class}, new Parts(locks));
    }
}
