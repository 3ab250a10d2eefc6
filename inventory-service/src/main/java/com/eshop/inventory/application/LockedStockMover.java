package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;

/** What releasing and deducting share: an order's LOCKED stock moves on, row by row, each row at most once. */
final class LockedStockMover {
    private final ProductStockRepository stockRepository;
    private final StockLogRepository logRepository;

    LockedStockMover(ProductStockRepository stockRepository, StockLogRepository logRepository) {
        this.stockRepository = stockRepository;
        this.logRepository = logRepository;
    }

    /** Flips each LOCKED row of the order to {@code target}; only the caller that flipped a row moves its stock. */
    int moveLocked(String orderId, StockLogStatus target) {
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
}
