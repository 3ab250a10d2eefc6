package com.eshop.order.application;

import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderInfoMapper;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads only CREATED orders past their expire time, through idx_status_expire, in keyset pages, restricted to
 * one shard, and cancels each through the same path as the pay-timeout message. One failure does not stop
 * the scan; the next run retries it.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class ExpiredOrderScanner {
    private final OrderInfoMapper orderInfoMapper;
    private final OrderAfterSaleService orderAfterSaleService;
    private final OrderProperties orderProperties;

    public record ScanResult(int shardIndex, int shardTotal, int expired, int cancelled, int failed, long millis) {
    }

    public ScanResult scan(int shardIndex, int shardTotal, Consumer<String> progress) {
        long start = System.currentTimeMillis();
        Date now = new Date(start);
        Date afterExpire = new Date(0);
        String afterOrderId = "";
        int expired = 0;
        int cancelled = 0;
        int failed = 0;
        while (true) {
            List<OrderInfoDO> page = orderInfoMapper.selectExpiredUnpaidPage(now, afterExpire, afterOrderId, shardIndex, shardTotal,
                    orderProperties.getScanPageSize());
            for (OrderInfoDO order : page) {
                expired++;
                try {
                    if (orderAfterSaleService.cancelExpiredOrder(order.getOrderId())) {
                        cancelled++;
                    }
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("scan could not cancel expired order {}: {}", order.getOrderId(), e.getMessage());
                }
            }
            if (page.size() < orderProperties.getScanPageSize()) {
                break;
            }
            OrderInfoDO last = page.get(page.size() - 1);
            afterExpire = last.getExpireTime();
            afterOrderId = last.getOrderId();
            progress.accept("shard " + shardIndex + "/" + shardTotal + ": " + expired + " expired orders read, " + cancelled + " cancelled");
        }
        ScanResult result = new ScanResult(shardIndex, shardTotal, expired, cancelled, failed, System.currentTimeMillis() - start);
        if (expired > 0) {
            log.info("expired-order scan: {}", result);
        }
        return result;
    }
}
