package com.eshop.wms.application;

import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.wms.domain.DeliveryOrder;

final class DeliveryOrderDtoAssembler {
    private DeliveryOrderDtoAssembler() {
    }

    static DeliveryOrderDTO toDto(DeliveryOrder deliveryOrder) {
        DeliveryOrderDTO dto = new DeliveryOrderDTO();
        dto.setDeliveryOrderId(deliveryOrder.deliveryOrderId());
        dto.setOrderId(deliveryOrder.orderId());
        dto.setFulfillId(deliveryOrder.fulfillId());
        dto.setStatus(deliveryOrder.status().code());
        return dto;
    }
}
