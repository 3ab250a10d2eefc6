package com.eshop.market.application;

import com.eshop.common.api.ErrorCode;
import org.junit.jupiter.api.Test;

import static com.eshop.support.error.Refusals.assertRefused;

class UserCouponQueryServiceTest {
    private final UserCouponQueryService service = new UserCouponQueryService(new InMemoryUserCouponRepository());

    @Test
    void anInvalidCouponIdIsRefused() {
        assertRefused(() -> service.getUserCoupon("x".repeat(65)), ErrorCode.PARAM_INVALID);
    }
}
