package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Locked stock becomes sold when the goods leave the warehouse. Only LOCKED product_stock_log rows are deducted,
 * each flipped by a conditional update, so every retry or duplicate is a no-op.
 */
@Service
public class DeductStockService {
    private final StockLogRepository logRepository;
    private final LockedStockMover lockedStock;

    public DeductStockService(ProductStockRepository stockRepository, StockLogRepository logRepository) {
        this.logRepository = logRepository;
        this.lockedStock = new LockedStockMover(stockRepository, logRepository);
    }

    /** A Seata AT branch of WMS out-stock. */
    @Transactional(rollbackFor = Exception.class)
    public Boolean deductProductStock(String orderId) {
        Checks.id(orderId, "orderId");
        List<StockLog> logs = logRepository.findByOrderId(orderId);
        if (logs.isEmpty() || logs.stream().anyMatch(l -> l.status() == StockLogStatus.RELEASED)) {
            throw new BizException(ErrorCode.PRODUCT_STOCK_NOT_FOUND, "order " + orderId + " holds no locked stock");
        }
        lockedStock.moveLocked(orderId, StockLogStatus.DEDUCTED);
        return true;
    }
}
