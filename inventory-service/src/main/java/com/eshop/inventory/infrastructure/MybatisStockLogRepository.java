package com.eshop.inventory.infrastructure;

import com.eshop.inventory.domain.StockLog;
import com.eshop.inventory.domain.StockLogRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.inventory.infrastructure.dataobject.ProductStockLogDO;
import com.eshop.inventory.infrastructure.mapper.ProductStockLogMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.apache.seata.spring.annotation.GlobalLock;

import java.util.List;

@Repository
public class MybatisStockLogRepository implements StockLogRepository {
    private final ProductStockLogMapper mapper;

    public MybatisStockLogRepository(ProductStockLogMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<StockLog> findByOrderId(String orderId) {
        return mapper.selectByOrderId(orderId).stream().map(MybatisStockLogRepository::toLog).toList();
    }

    /**
     * FOR UPDATE: inside a global transaction Seata checks the rows' global locks (outside one, {@link GlobalLock} makes
     * it) and retries, then fails with a lock conflict while another global transaction holds them.
     */
    @Override
    @GlobalLock
    @Transactional(rollbackFor = Exception.class)
    public List<StockLog> findCommittedByOrderId(String orderId) {
        return mapper.selectByOrderIdForUpdate(orderId).stream().map(MybatisStockLogRepository::toLog).toList();
    }

    private static StockLog toLog(ProductStockLogDO row) {
        return new StockLog(row.getId(), row.getOrderId(), row.getSkuCode(), row.getQuantity(), StockLogStatus.of(row.getStatus()));
    }

    @Override
    public boolean insertLocked(String orderId, String skuCode, int quantity) {
        ProductStockLogDO row = new ProductStockLogDO();
        row.setOrderId(orderId);
        row.setSkuCode(skuCode);
        row.setQuantity(quantity);
        row.setStatus(StockLogStatus.LOCKED.code());
        try {
            return mapper.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean transition(long id, StockLogStatus from, StockLogStatus to) {
        return mapper.updateStatus(id, from.code(), to.code()) == 1;
    }
}
