package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import lombok.extern.slf4j.Slf4j;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A cancelled order's stock goes back on sale. Only LOCKED product_stock_log rows are released, each flipped by a
 * conditional update, so every retry or duplicate is a no-op.
 */
@Slf4j
@Service
public class ReleaseStockService {
    private final LockedStockMover lockedStock;
    private final RedisLock redisLock;
    private final TransactionOperations transactionOperations;
    private final OrderGateway orderGateway;

    public ReleaseStockService(ProductStockRepository stockRepository, StockLogRepository logRepository,
                               RedisLock redisLock, TransactionOperations transactionOperations,
                               OrderGateway orderGateway) {
        this.lockedStock = new LockedStockMover(stockRepository, logRepository);
        this.redisLock = redisLock;
        this.transactionOperations = transactionOperations;
        this.orderGateway = orderGateway;
    }

    /**
     * Releases exactly what this order's LOCKED log rows say (the request's item list is informational), and only
     * for an order whose cancellation is committed, whoever calls.
     * Called from {@code ReleaseInventoryListener}, outside any global transaction: {@link GlobalLock} makes the
     * local commit wait for Seata global locks on the stock rows, so it never overwrites a row that an
     * unfinished create-order global transaction may still roll back.
     */
    @GlobalLock
    public Boolean cancelOrderReleaseProductStock(CancelOrderReleaseProductStockRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        if (!orderGateway.isCancellationCommitted(orderId)) {
            throw new BizException(ErrorCode.ORDER_NOT_CANCELLED, "order " + orderId + " is not cancelled: its stock stays locked");
        }
        try (var lock = redisLock.lock(RedisLockKeyConstants.RELEASE_PRODUCT_STOCK_KEY + orderId)) {
            int released = transactionOperations.execute(status -> lockedStock.moveLocked(orderId, StockLogStatus.RELEASED));
            log.info("order {}: released stock of {} sku(s)", orderId, released);
            return true;
        }
    }
}
