package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillApi;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

import static com.eshop.support.error.ApiResults.unwrap;

@Component
public class FulfillGateway {
    @DubboReference(version = "1.0.0", check = false)
    private FulfillApi fulfillApi;

    public void receiveOrderFulfill(ReceiveFulfillRequest request) {
        unwrap(fulfillApi.receiveOrderFulfill(request));
    }

    /** Fulfillment interception; a refusal (goods already left) is thrown and rolls back the caller's global transaction. */
    public void cancelFulfill(String orderId) {
        CancelFulfillRequest request = new CancelFulfillRequest();
        request.setOrderId(orderId);
        unwrap(fulfillApi.cancelFulfill(request));
    }
}
