package com.eshop.order.application;

import com.eshop.order.domain.OrderCursor;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.logging.OrderMdc;
import com.eshop.support.metrics.EshopMetrics;
import jakarta.annotation.PostConstruct;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads only CREATED orders past their expire time, through idx_status_expire, in keyset pages, restricted to
 * one shard, and cancels each through the same path as the pay-timeout message, up to
 * {@code eshop.order.scan-parallelism} of a page at a time. One failure does not stop the scan; the next run retries it.
 * Each run is counted with what it found, cancelled and failed, and each cancel's lateness after the expire time.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class ExpiredOrderScanner {
    private final OrderRepository orderRepository;
    private final CancelOrderService cancelOrderService;
    private final OrderProperties orderProperties;
    private final EshopMetrics metrics;

    @PostConstruct
    void registerMetrics() {
        metrics.registerScanRuns();
    }

    public record ScanResult(int shardIndex, int shardTotal, int expired, int cancelled, int failed, long millis) {
    }

    public ScanResult scan(int shardIndex, int shardTotal, Consumer<String> progress) {
        long start = System.currentTimeMillis();
        Instant now = Instant.ofEpochMilli(start);
        OrderCursor after = OrderCursor.start(Instant.EPOCH);
        int expired = 0;
        AtomicInteger cancelled = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService cancellers = Executors.newFixedThreadPool(Math.max(1, orderProperties.getScanParallelism()));
        try {
            while (true) {
                List<OrderCursor> page = orderRepository.findExpiredUnpaidPage(now, after, shardIndex, shardTotal,
                        orderProperties.getScanPageSize());
                expired += page.size();
                CompletableFuture.allOf(page.stream()
                        .map(order -> CompletableFuture.runAsync(() -> {
                            try (OrderMdc.Scope ignored = OrderMdc.put(order.orderId())) {
                                cancel(order, cancelled, failed);
                            }
                        }, cancellers))
                        .toArray(CompletableFuture[]::new)).join();
                if (page.size() < orderProperties.getScanPageSize()) {
                    break;
                }
                after = page.get(page.size() - 1);
                progress.accept("shard " + shardIndex + "/" + shardTotal + ": " + expired + " expired orders read, " + cancelled + " cancelled");
            }
        } finally {
            cancellers.shutdown();
        }
        ScanResult result = new ScanResult(shardIndex, shardTotal, expired, cancelled.get(), failed.get(), System.currentTimeMillis() - start);
        metrics.scanRun(result.expired(), result.cancelled(), result.failed());
        if (expired > 0) {
            log.info("expired-order scan: {}", result);
        }
        return result;
    }

    /** {@code order}'s cursor time is its expire time. */
    private void cancel(OrderCursor order, AtomicInteger cancelled, AtomicInteger failed) {
        try {
            if (cancelOrderService.cancelExpiredOrder(order.orderId())) {
                cancelled.incrementAndGet();
                metrics.timeoutLateness(EshopMetrics.TimeoutSource.SCAN, Duration.between(order.time(), Instant.now()));
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            log.warn("scan could not cancel expired order {}: {}", order.orderId(), e.getMessage());
        }
    }
}
