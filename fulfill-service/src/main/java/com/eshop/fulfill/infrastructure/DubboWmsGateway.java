package com.eshop.fulfill.infrastructure;

import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.WmsApi;
import com.eshop.fulfill.application.WmsGateway;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

@Component
public class DubboWmsGateway implements WmsGateway {
    @DubboReference(version = "1.0.0", check = false)
    private WmsApi wmsApi;

    @Override
    public void pickGoods(PickGoodsRequest request) {
        ApiResults.unwrap(wmsApi.pickGoods(request));
    }

    @Override
    public void cancelPickGoods(String orderId) {
        ApiResults.unwrap(wmsApi.cancelPickGoods(orderId));
    }
}
