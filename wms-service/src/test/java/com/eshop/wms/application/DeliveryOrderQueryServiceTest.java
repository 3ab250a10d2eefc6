package com.eshop.wms.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;

class DeliveryOrderQueryServiceTest {
    private final DeliveryOrderQueryService service = new DeliveryOrderQueryService(new InMemoryDeliveryOrderRepository());

    @Test
    void anInvalidOrderIdIsRefused() {
        assertRefused(() -> service.getDeliveryOrder("O/1"), ErrorCode.PARAM_INVALID);
    }
}
