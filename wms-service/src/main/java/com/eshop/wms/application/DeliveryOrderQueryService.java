package com.eshop.wms.application;

import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.support.error.Checks;
import com.eshop.wms.domain.DeliveryOrderRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Reads of delivery orders. */
@Service
@RequiredArgsConstructor
public class DeliveryOrderQueryService {
    private final DeliveryOrderRepository repository;

    /** The order's delivery order (its status tells a CANCELLED one from a live one), or null when it has none. */
    public DeliveryOrderDTO getDeliveryOrder(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(DeliveryOrderDtoAssembler::toDto).orElse(null);
    }
}
