package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;

class LogisticOrderQueryServiceTest {
    private final LogisticOrderQueryService service = new LogisticOrderQueryService(new InMemoryLogisticOrderRepository());

    @Test
    void anInvalidOrderIdIsRefused() {
        assertRefused(() -> service.getLogisticOrder("O;1"), ErrorCode.PARAM_INVALID);
    }
}
