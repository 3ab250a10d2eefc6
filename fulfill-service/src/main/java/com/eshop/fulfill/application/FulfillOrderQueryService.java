package com.eshop.fulfill.application;

import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.fulfill.domain.FulfillOrderRepository;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Reads of fulfill orders. */
@Service
@RequiredArgsConstructor
public class FulfillOrderQueryService {
    private final FulfillOrderRepository repository;

    /** The order's fulfill order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public FulfillOrderDTO getFulfillOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId)
                .map(fulfillOrder -> FulfillOrderDtoAssembler.toDto(fulfillOrder, repository)).orElse(null);
    }
}
