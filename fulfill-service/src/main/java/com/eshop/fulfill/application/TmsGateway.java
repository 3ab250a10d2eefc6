package com.eshop.fulfill.application;

import com.eshop.common.api.tms.SendOutRequest;

/** tms-service, as fulfillment needs it. A refusal is thrown as the callee's BizException. */
public interface TmsGateway {
    void sendOut(SendOutRequest request);

    void cancelSendOut(String orderId);
}
