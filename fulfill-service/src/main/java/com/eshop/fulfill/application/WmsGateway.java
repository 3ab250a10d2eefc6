package com.eshop.fulfill.application;

import com.eshop.common.api.wms.PickGoodsRequest;

/** wms-service, as fulfillment needs it. A refusal is thrown as the callee's BizException. */
public interface WmsGateway {
    void pickGoods(PickGoodsRequest request);

    void cancelPickGoods(String orderId);
}
