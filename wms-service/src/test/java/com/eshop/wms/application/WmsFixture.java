package com.eshop.wms.application;

import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.PickItemRequest;

import java.util.ArrayList;
import java.util.Arrays;

final class WmsFixture {
    private WmsFixture() {
    }

    static PickItemRequest item(String sku, int quantity) {
        PickItemRequest item = new PickItemRequest();
        item.setSkuCode(sku);
        item.setPickQuantity(quantity);
        return item;
    }

    static PickGoodsRequest pick(String orderId, PickItemRequest... lines) {
        PickGoodsRequest request = new PickGoodsRequest();
        request.setOrderId(orderId);
        request.setFulfillId("F1");
        // an ArrayList, as Dubbo delivers it (Checks.notEmpty cannot take List.of: contains(null) throws)
        request.setPickItems(new ArrayList<>(Arrays.asList(lines)));
        return request;
    }
}
