package com.eshop.tms.application;

import com.eshop.common.api.tms.SendOutRequest;

final class TmsFixture {
    private TmsFixture() {
    }

    static SendOutRequest sendOut(String orderId) {
        SendOutRequest request = new SendOutRequest();
        request.setOrderId(orderId);
        request.setFulfillId("F1");
        request.setUserId("U1001");
        return request;
    }
}
