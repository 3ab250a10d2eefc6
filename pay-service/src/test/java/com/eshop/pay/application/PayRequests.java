package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.support.error.BizException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests of pay-service's Dubbo API as the use cases' tests send them. */
final class PayRequests {
    private PayRequests() {
    }

    static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }

    /** A refund of trade T1, paid with pay type 10. */
    static PayRefundRequest refund(String id, String orderId, Integer amount) {
        PayRefundRequest request = new PayRefundRequest();
        request.setRefundRequestId(id);
        request.setOrderId(orderId);
        request.setOutTradeNo("T1");
        request.setPayType(10);
        request.setRefundAmount(amount);
        return request;
    }
}
