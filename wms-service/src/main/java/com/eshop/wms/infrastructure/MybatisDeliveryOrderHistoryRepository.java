package com.eshop.wms.infrastructure;

import com.eshop.wms.domain.DeliveryOrderHistory;
import com.eshop.wms.domain.DeliveryOrderHistoryRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;
import com.eshop.wms.infrastructure.mapper.DeliveryOrderMapper;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Optional;

@Repository
public class MybatisDeliveryOrderHistoryRepository implements DeliveryOrderHistoryRepository {
    private final DeliveryOrderMapper mapper;

    public MybatisDeliveryOrderHistoryRepository(DeliveryOrderMapper mapper) {
        this.mapper = mapper;
    }

    /** DATETIME columns hold UTC (the connection's serverTimezone). */
    @Override
    public Optional<DeliveryOrderHistory> findByOrderId(String orderId) {
        return Optional.ofNullable(mapper.selectByOrderId(orderId))
                .map(row -> new DeliveryOrderHistory(row.getDeliveryOrderId(), DeliveryOrderStatus.of(row.getStatus()),
                        row.getGmtCreate().toInstant(ZoneOffset.UTC), row.getGmtModified().toInstant(ZoneOffset.UTC)));
    }
}
