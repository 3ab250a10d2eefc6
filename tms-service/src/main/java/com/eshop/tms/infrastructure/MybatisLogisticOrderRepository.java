package com.eshop.tms.infrastructure;

import com.eshop.tms.domain.LogisticOrder;
import com.eshop.tms.domain.LogisticOrderRepository;
import com.eshop.tms.domain.LogisticOrderStatus;
import com.eshop.tms.infrastructure.dataobject.LogisticOrderDO;
import com.eshop.tms.infrastructure.mapper.LogisticOrderMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class MybatisLogisticOrderRepository implements LogisticOrderRepository {
    private final LogisticOrderMapper mapper;

    public MybatisLogisticOrderRepository(LogisticOrderMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<LogisticOrder> findByOrderId(String orderId) {
        return Optional.ofNullable(mapper.selectByOrderId(orderId)).map(MybatisLogisticOrderRepository::toDomain);
    }

    @Override
    public Optional<LogisticOrder> lockByOrderId(String orderId) {
        return Optional.ofNullable(mapper.selectByOrderIdForUpdate(orderId)).map(MybatisLogisticOrderRepository::toDomain);
    }

    @Override
    public boolean insert(LogisticOrder logisticOrder) {
        LogisticOrderDO row = new LogisticOrderDO();
        row.setLogisticOrderId(logisticOrder.logisticOrderId());
        row.setOrderId(logisticOrder.orderId());
        row.setFulfillId(logisticOrder.fulfillId());
        row.setUserId(logisticOrder.userId());
        row.setStatus(logisticOrder.status().code());
        try {
            return mapper.insert(row) == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean markCancelled(String logisticOrderId) {
        return mapper.updateStatus(logisticOrderId, LogisticOrderStatus.CREATED.code(),
                LogisticOrderStatus.CANCELLED.code()) == 1;
    }

    private static LogisticOrder toDomain(LogisticOrderDO row) {
        return new LogisticOrder(row.getLogisticOrderId(), row.getOrderId(), row.getFulfillId(), row.getUserId(),
                LogisticOrderStatus.of(row.getStatus()));
    }
}
