package com.eshop.fulfill.application;

import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

/** Reads of fulfill orders. */
@Service
public class FulfillOrderQueryService {
    private final FulfillOrderRepository repository;

    public FulfillOrderQueryService(FulfillOrderRepository repository) {
        this.repository = repository;
    }

    /** The order's fulfill order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public FulfillOrderDTO getFulfillOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId)
                .map(fulfillOrder -> FulfillOrderDtoAssembler.toDto(fulfillOrder, repository)).orElse(null);
    }
}
