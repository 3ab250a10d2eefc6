package com.eshop.fulfill.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillApi;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.fulfill.application.FulfillService;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(version = "1.0.0", interfaceClass = FulfillApi.class, token = "${eshop.internal-api.token}")
public class FulfillApiImpl implements FulfillApi {
    private final FulfillService fulfillService;

    public FulfillApiImpl(FulfillService fulfillService) {
        this.fulfillService = fulfillService;
    }

    @Override
    public JsonResult<FulfillOrderDTO> receiveOrderFulfill(ReceiveFulfillRequest request) {
        return ApiResults.call(() -> fulfillService.receiveOrderFulfill(request));
    }

    @Override
    public JsonResult<Boolean> cancelFulfill(CancelFulfillRequest cancelFulfillRequest) {
        return ApiResults.call(() -> fulfillService.cancelFulfill(cancelFulfillRequest));
    }

    @Override
    public JsonResult<FulfillOrderDTO> getFulfillOrder(String orderId) {
        return ApiResults.call(() -> fulfillService.getFulfillOrder(orderId));
    }
}
