package com.eshop.pay.application;

import com.eshop.common.api.pay.PayRefundRequest;

/** Requests of pay-service's Dubbo API as the use cases' tests send them. */
final class PayRequests {
    private PayRequests() {
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
