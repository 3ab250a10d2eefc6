package com.eshop.tms.application;

import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.tms.domain.LogisticOrder;

final class LogisticOrderDtoAssembler {
    private LogisticOrderDtoAssembler() {
    }

    static LogisticOrderDTO toDto(LogisticOrder logisticOrder) {
        LogisticOrderDTO dto = new LogisticOrderDTO();
        dto.setLogisticOrderId(logisticOrder.logisticOrderId());
        dto.setOrderId(logisticOrder.orderId());
        dto.setStatus(logisticOrder.status().code());
        return dto;
    }
}
