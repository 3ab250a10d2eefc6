package com.eshop.tms.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.support.error.BizException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class TmsFixture {
    private TmsFixture() {
    }

    static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    static SendOutRequest sendOut(String orderId) {
        SendOutRequest request = new SendOutRequest();
        request.setOrderId(orderId);
        request.setFulfillId("F1");
        request.setUserId("U1001");
        return request;
    }
}
