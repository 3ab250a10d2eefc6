package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;

class FulfillOrderQueryServiceTest {
    private final FulfillOrderQueryService service = new FulfillOrderQueryService(new InMemoryFulfillOrderRepository());

    @Test
    void anInvalidOrderIdIsRefused() {
        assertRefused(() -> service.getFulfillOrder(""), ErrorCode.PARAM_INVALID);
    }
}
