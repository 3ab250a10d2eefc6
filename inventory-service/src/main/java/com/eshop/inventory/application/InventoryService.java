package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.ProductStockDTO;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.inventory.domain.ProductStock;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLine;
import com.eshop.inventory.domain.StockLines;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import org.apache.seata.spring.annotation.GlobalLock;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stock use cases. The product_stock_log row (order, SKU) records what an order holds; releasing and deducting
 * act only on LOCKED rows, each row flipped by a conditional update, so every retry or duplicate is a no-op.
 */
@Slf4j
@Service
public class InventoryService {
    private final ProductStockRepository stockRepository;
    private final StockLogRepository logRepository;
    private final RedisLock redisLock;
    private final TransactionOperations transactionOperations;
    private final OrderGateway orderGateway;

    public InventoryService(ProductStockRepository stockRepository, StockLogRepository logRepository, RedisLock redisLock,
                            TransactionOperations transactionOperations, OrderGateway orderGateway) {
        this.stockRepository = stockRepository;
        this.logRepository = logRepository;
        this.redisLock = redisLock;
        this.transactionOperations = transactionOperations;
        this.orderGateway = orderGateway;
    }

    /**
     * Locks every line or nothing. Runs as a Seata AT branch of order-service's create-order global transaction:
     * a refusal rolls back this branch locally and the whole order globally.
     */
    @Transactional(rollbackFor = Exception.class)
    public Boolean lockProductStock(LockProductStockRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        List<StockLine> lines = StockLines.mergeSorted(toLines(request.getOrderItemRequestList()));

        Set<String> alreadyLocked = logRepository.findByOrderId(orderId).stream()
                .map(StockLog::skuCode).collect(Collectors.toSet());
        for (StockLine line : lines) {
            if (alreadyLocked.contains(line.skuCode())) {
                continue;
            }
            // The log row first: its unique key makes a concurrent duplicate wait for us, then skip the SKU.
            if (!logRepository.insertLocked(orderId, line.skuCode(), line.quantity())) {
                continue;
            }
            if (!stockRepository.lock(line.skuCode(), line.quantity())) {
                throw stockRefusal(line);
            }
        }
        return true;
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
            int released = transactionOperations.execute(status -> moveLocked(orderId, StockLogStatus.RELEASED));
            log.info("order {}: released stock of {} sku(s)", orderId, released);
            return true;
        }
    }

    /** Locked stock becomes sold when the goods leave the warehouse; a Seata AT branch of WMS out-stock. */
    @Transactional(rollbackFor = Exception.class)
    public Boolean deductProductStock(String orderId) {
        Checks.id(orderId, "orderId");
        List<StockLog> logs = logRepository.findByOrderId(orderId);
        if (logs.isEmpty() || logs.stream().anyMatch(l -> l.status() == StockLogStatus.RELEASED)) {
            throw new BizException(ErrorCode.PRODUCT_STOCK_NOT_FOUND, "order " + orderId + " holds no locked stock");
        }
        moveLocked(orderId, StockLogStatus.DEDUCTED);
        return true;
    }

    public Boolean holdsLockedStock(String orderId) {
        Checks.id(orderId, "orderId");
        return logRepository.findByOrderId(orderId).stream().anyMatch(l -> l.status() == StockLogStatus.LOCKED);
    }

    public ProductStockDTO getProductStock(String skuCode) {
        Checks.id(skuCode, "skuCode");
        ProductStock stock = stockRepository.findBySkuCode(skuCode)
                .orElseThrow(() -> new BizException(ErrorCode.PRODUCT_STOCK_NOT_FOUND, "no stock for sku " + skuCode));
        ProductStockDTO dto = new ProductStockDTO();
        dto.setSkuCode(stock.skuCode());
        dto.setSaleStockQuantity(stock.saleStockQuantity());
        dto.setLockedStockQuantity(stock.lockedStockQuantity());
        dto.setSaledStockQuantity(stock.saledStockQuantity());
        return dto;
    }

    /** Flips each LOCKED row of the order to {@code target}; only the caller that flipped a row moves its stock. */
    private int moveLocked(String orderId, StockLogStatus target) {
        int moved = 0;
        for (StockLog row : logRepository.findByOrderId(orderId)) {
            if (!row.status().canMoveTo(target) || !logRepository.transition(row.id(), row.status(), target)) {
                continue;
            }
            boolean changed = target == StockLogStatus.RELEASED
                    ? stockRepository.release(row.skuCode(), row.quantity())
                    : stockRepository.deduct(row.skuCode(), row.quantity());
            if (!changed) {
                throw new BizException(ErrorCode.SYSTEM_ERROR, "locked stock of " + row.skuCode()
                        + " is below the " + row.quantity() + " held by order " + orderId);
            }
            moved++;
        }
        return moved;
    }

    private BizException stockRefusal(StockLine line) {
        if (stockRepository.findBySkuCode(line.skuCode()).isEmpty()) {
            return new BizException(ErrorCode.PRODUCT_STOCK_NOT_FOUND, "no stock for sku " + line.skuCode());
        }
        return new BizException(ErrorCode.PRODUCT_STOCK_INSUFFICIENT,
                "sku " + line.skuCode() + " has less than " + line.quantity() + " available");
    }

    private static List<StockLine> toLines(List<StockItemRequest> items) {
        Checks.notEmpty(items, "orderItemRequestList");
        return items.stream().map(item -> new StockLine(Checks.id(item.getSkuCode(), "skuCode"),
                Checks.positiveQuantity(item.getSaleQuantity(), "saleQuantity"))).toList();
    }
}
