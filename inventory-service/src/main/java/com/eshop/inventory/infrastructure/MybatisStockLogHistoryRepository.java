package com.eshop.inventory.infrastructure;

import com.eshop.inventory.domain.StockLogHistory;
import com.eshop.inventory.domain.StockLogHistoryRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.inventory.infrastructure.mapper.ProductStockLogMapper;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.List;

@Repository
public class MybatisStockLogHistoryRepository implements StockLogHistoryRepository {
    private final ProductStockLogMapper mapper;

    public MybatisStockLogHistoryRepository(ProductStockLogMapper mapper) {
        this.mapper = mapper;
    }

    /** DATETIME columns hold UTC (the connection's serverTimezone). */
    @Override
    public List<StockLogHistory> findByOrderId(String orderId) {
        return mapper.selectByOrderId(orderId).stream()
                .map(row -> new StockLogHistory(row.getSkuCode(), row.getQuantity(), StockLogStatus.of(row.getStatus()),
                        row.getGmtCreate().toInstant(ZoneOffset.UTC), row.getGmtModified().toInstant(ZoneOffset.UTC)))
                .toList();
    }
}
