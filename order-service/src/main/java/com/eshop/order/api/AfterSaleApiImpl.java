package com.eshop.order.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.AfterSaleApi;
import com.eshop.common.api.order.AfterSaleDTO;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.order.application.CancelOrderService;
import com.eshop.order.application.OrderQueryService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = AfterSaleApi.class)
@RequiredArgsConstructor
public class AfterSaleApiImpl implements AfterSaleApi {
    private final CancelOrderService cancelOrderService;
    private final OrderQueryService orderQueryService;

    @Override
    public JsonResult<Boolean> cancelOrder(CancelOrderRequest cancelOrderRequest) {
        return ApiResults.call("AfterSaleApi.cancelOrder", () -> {
            cancelOrderService.cancelOrder(cancelOrderRequest);
            return true;
        });
    }

    @Override
    public JsonResult<List<AfterSaleDTO>> listAfterSales(String orderId, String userId) {
        return ApiResults.call("AfterSaleApi.listAfterSales", () -> orderQueryService.listAfterSales(orderId, userId));
    }
}
