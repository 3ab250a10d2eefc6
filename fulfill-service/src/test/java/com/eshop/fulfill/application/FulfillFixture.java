package com.eshop.fulfill.application;

import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillItemRequest;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.support.fault.FaultSwitches;

import java.util.ArrayList;
import java.util.Arrays;

final class FulfillFixture {
    private FulfillFixture() {
    }

    static InterceptionFaults noFaults() {
        return new InterceptionFaults(FaultSwitches.disabled(), 0);
    }

    static FulfillItemRequest item(String sku, int quantity) {
        FulfillItemRequest item = new FulfillItemRequest();
        item.setSkuCode(sku);
        item.setProductName("product " + sku);
        item.setSaleQuantity(quantity);
        item.setSalePrice(450);
        return item;
    }

    static ReceiveFulfillRequest receive(String orderId, FulfillItemRequest... lines) {
        ReceiveFulfillRequest request = new ReceiveFulfillRequest();
        request.setOrderId(orderId);
        request.setUserId("U1001");
        request.setPayAmount(900);
        // an ArrayList, as Dubbo delivers it (Checks.notEmpty cannot take List.of: contains(null) throws)
        request.setFulfillItems(new ArrayList<>(Arrays.asList(lines)));
        return request;
    }

    static CancelFulfillRequest cancel(String orderId) {
        CancelFulfillRequest request = new CancelFulfillRequest();
        request.setOrderId(orderId);
        return request;
    }
}
