package com.eshop.tms.application;

import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.support.error.Checks;
import com.eshop.tms.domain.LogisticOrderRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Reads of logistic orders. */
@Service
@RequiredArgsConstructor
public class LogisticOrderQueryService {
    private final LogisticOrderRepository repository;

    /** The order's logistic order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public LogisticOrderDTO getLogisticOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(LogisticOrderDtoAssembler::toDto).orElse(null);
    }
}
