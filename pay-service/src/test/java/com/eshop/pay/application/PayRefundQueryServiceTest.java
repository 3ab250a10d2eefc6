package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

class PayRefundQueryServiceTest {
    private final PayFixture db = new PayFixture();
    private final PayRefundQueryService service = new PayRefundQueryService(db.refundRepository);

    @Test
    void anInvalidOrderIdIsRefused() {
        assertRefused(() -> service.listRefunds(""), ErrorCode.PARAM_INVALID);
        assertThat(db.refunds).isEmpty();
    }
}
