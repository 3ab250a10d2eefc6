package com.eshop.fulfill.infrastructure;

import com.eshop.fulfill.domain.FulfillOrderHistory;
import com.eshop.fulfill.domain.FulfillOrderHistoryRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.fulfill.infrastructure.mapper.OrderFulfillMapper;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.Optional;

@Repository
public class MybatisFulfillOrderHistoryRepository implements FulfillOrderHistoryRepository {
    private final OrderFulfillMapper mapper;

    public MybatisFulfillOrderHistoryRepository(OrderFulfillMapper mapper) {
        this.mapper = mapper;
    }

    /** DATETIME columns hold UTC (the connection's serverTimezone). */
    @Override
    public Optional<FulfillOrderHistory> findByOrderId(String orderId) {
        return Optional.ofNullable(mapper.selectByOrderId(orderId))
                .map(row -> new FulfillOrderHistory(row.getFulfillId(), FulfillOrderStatus.of(row.getStatus()),
                        row.getGmtCreate().toInstant(ZoneOffset.UTC), row.getGmtModified().toInstant(ZoneOffset.UTC)));
    }
}
