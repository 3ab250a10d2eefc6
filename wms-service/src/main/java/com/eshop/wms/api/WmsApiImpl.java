package com.eshop.wms.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.WmsApi;
import com.eshop.support.error.ApiResults;
import com.eshop.wms.application.WmsService;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(version = "1.0.0", interfaceClass = WmsApi.class, token = "${eshop.internal-api.token}")
public class WmsApiImpl implements WmsApi {
    private final WmsService wmsService;

    public WmsApiImpl(WmsService wmsService) {
        this.wmsService = wmsService;
    }

    @Override
    public JsonResult<DeliveryOrderDTO> pickGoods(PickGoodsRequest request) {
        return ApiResults.call(() -> wmsService.pickGoods(request));
    }

    @Override
    public JsonResult<Boolean> cancelPickGoods(String orderId) {
        return ApiResults.call(() -> wmsService.cancelPickGoods(orderId));
    }

    @Override
    public JsonResult<Boolean> outStock(String orderId) {
        return ApiResults.call(() -> wmsService.outStock(orderId));
    }

    @Override
    public JsonResult<DeliveryOrderDTO> getDeliveryOrder(String orderId) {
        return ApiResults.call(() -> wmsService.getDeliveryOrder(orderId));
    }
}
