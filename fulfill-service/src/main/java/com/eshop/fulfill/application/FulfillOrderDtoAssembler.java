package com.eshop.fulfill.application;

import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.fulfill.domain.FulfillOrder;
import com.eshop.fulfill.domain.FulfillOrderRepository;

final class FulfillOrderDtoAssembler {
    private FulfillOrderDtoAssembler() {
    }

    static FulfillOrderDTO toDto(FulfillOrder fulfillOrder, FulfillOrderRepository repository) {
        FulfillOrderDTO dto = new FulfillOrderDTO();
        dto.setFulfillId(fulfillOrder.fulfillId());
        dto.setOrderId(fulfillOrder.orderId());
        dto.setStatus(fulfillOrder.status().code());
        dto.setItemCount(repository.countItems(fulfillOrder.fulfillId()));
        return dto;
    }
}
