package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLine;
import com.eshop.inventory.domain.StockLines;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An order locks its stock at creation. The product_stock_log row (order, SKU) records what the order holds, so a
 * retry or a duplicate skips what is already locked.
 */
@Service
@RequiredArgsConstructor
public class LockStockService {
    private final ProductStockRepository stockRepository;
    private final StockLogRepository logRepository;

    /**
     * Locks every line or nothing. Runs as a Seata AT branch of order-service's create-order global transaction:
     * a refusal rolls back this branch locally and the whole order globally.
     */
    @Transactional(rollbackFor = Exception.class)
    public Boolean lockProductStock(LockProductStockRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        List<StockLine> lines = StockLines.mergeSorted(toLines(request.getOrderItemRequestList()));

        Set<String> alreadyLocked = logRepository.findByOrderId(orderId).isEmpty() ? Set.of() : committedSkus(orderId);
        for (StockLine line : lines) {
            if (alreadyLocked.contains(line.skuCode())) {
                continue;
            }
            // The log row first: its unique key makes a concurrent duplicate wait for us, then skip the SKU once the
            // duplicate's row is committed.
            if (!logRepository.insertLocked(orderId, line.skuCode(), line.quantity())) {
                if (!committedSkus(orderId).contains(line.skuCode())) {
                    throw new BizException(ErrorCode.LOCK_BUSY, "stock of " + line.skuCode() + " for order " + orderId
                            + " is being locked by another attempt, retry later");
                }
                continue;
            }
            if (!stockRepository.lock(line.skuCode(), line.quantity())) {
                throw stockRefusal(line);
            }
        }
        return true;
    }

    /**
     * The SKUs an earlier attempt of this order locked. They count only once that attempt's global transaction is
     * committed, not while it may still be rolled back (LOCK_BUSY until then).
     */
    private Set<String> committedSkus(String orderId) {
        return logRepository.findCommittedByOrderId(orderId).stream().map(StockLog::skuCode).collect(Collectors.toSet());
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
