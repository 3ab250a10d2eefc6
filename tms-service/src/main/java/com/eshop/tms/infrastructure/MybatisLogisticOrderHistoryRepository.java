package com.eshop.tms.infrastructure;

import com.eshop.tms.domain.LogisticOrderHistory;
import com.eshop.tms.domain.LogisticOrderHistoryRepository;
import com.eshop.tms.domain.LogisticOrderStatus;
import com.eshop.tms.infrastructure.mapper.LogisticOrderMapper;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Optional;

@Repository
public class MybatisLogisticOrderHistoryRepository implements LogisticOrderHistoryRepository {
    private final LogisticOrderMapper mapper;

    public MybatisLogisticOrderHistoryRepository(LogisticOrderMapper mapper) {
        this.mapper = mapper;
    }

    /** DATETIME columns hold UTC (the connection's serverTimezone). */
    @Override
    public Optional<LogisticOrderHistory> findByOrderId(String orderId) {
        return Optional.ofNullable(mapper.selectByOrderId(orderId))
                .map(row -> new LogisticOrderHistory(row.getLogisticOrderId(), LogisticOrderStatus.of(row.getStatus()),
                        row.getGmtCreate().toInstant(ZoneOffset.UTC), row.getGmtModified().toInstant(ZoneOffset.UTC)));
    }
}
