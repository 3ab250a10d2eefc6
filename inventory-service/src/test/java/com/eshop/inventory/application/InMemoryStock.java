package com.eshop.inventory.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.inventory.domain.ProductStock;
import com.eshop.inventory.domain.ProductStockRepository;
import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.BizException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Both repositories in memory, with the same conditions as the SQL of the MyBatis mappers. */
final class InMemoryStock implements ProductStockRepository, StockLogRepository {
    final Map<String, ProductStock> stock = new HashMap<>();
    final List<StockLog> logs = new ArrayList<>();
    /** Orders whose log rows an unfinished global transaction wrote: a committed read is refused, as Seata's lock check does. */
    final Set<String> ordersHeldByUnfinishedTransaction = new HashSet<>();

    void add(String sku, int sale) {
        stock.put(sku, new ProductStock(sku, "product " + sku, sale, 0, 0));
    }

    ProductStock get(String sku) {
        return stock.get(sku);
    }

    @Override
    public synchronized Optional<ProductStock> findBySkuCode(String skuCode) {
        return Optional.ofNullable(stock.get(skuCode));
    }

    @Override
    public synchronized boolean lock(String skuCode, int q) {
        return change(skuCode, q, s -> s.saleStockQuantity() >= q, -q, q, 0);
    }

    @Override
    public synchronized boolean release(String skuCode, int q) {
        return change(skuCode, q, s -> s.lockedStockQuantity() >= q, q, -q, 0);
    }

    @Override
    public synchronized boolean deduct(String skuCode, int q) {
        return change(skuCode, q, s -> s.lockedStockQuantity() >= q, 0, -q, q);
    }

    private boolean change(String sku, int q, java.util.function.Predicate<ProductStock> condition, int sale, int locked, int saled) {
        ProductStock s = stock.get(sku);
        if (s == null || !condition.test(s)) {
            return false;
        }
        stock.put(sku, new ProductStock(sku, s.productName(), s.saleStockQuantity() + sale,
                s.lockedStockQuantity() + locked, s.saledStockQuantity() + saled));
        return true;
    }

    @Override
    public synchronized List<StockLog> findByOrderId(String orderId) {
        return logs.stream().filter(l -> l.orderId().equals(orderId))
                .sorted(Comparator.comparing(StockLog::skuCode)).toList();
    }

    @Override
    public synchronized List<StockLog> findCommittedByOrderId(String orderId) {
        if (ordersHeldByUnfinishedTransaction.contains(orderId)) {
            throw new BizException(ErrorCode.LOCK_BUSY, "stock log of " + orderId + " is held by an unfinished global transaction");
        }
        return findByOrderId(orderId);
    }

    @Override
    public synchronized boolean insertLocked(String orderId, String skuCode, int quantity) {
        if (logs.stream().anyMatch(l -> l.orderId().equals(orderId) && l.skuCode().equals(skuCode))) {
            return false;
        }
        logs.add(new StockLog(logs.size() + 1, orderId, skuCode, quantity, StockLogStatus.LOCKED));
        return true;
    }

    @Override
    public synchronized boolean transition(long id, StockLogStatus from, StockLogStatus to) {
        for (int i = 0; i < logs.size(); i++) {
            StockLog l = logs.get(i);
            if (l.id() == id && l.status() == from) {
                logs.set(i, new StockLog(l.id(), l.orderId(), l.skuCode(), l.quantity(), to));
                return true;
            }
        }
        return false;
    }
}
