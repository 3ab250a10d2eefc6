package com.eshop.order.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderApi;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.order.application.CreateOrderService;
import com.eshop.order.application.OrderQueryService;
import com.eshop.order.application.PrePayOrderService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(version = "1.0.0", interfaceClass = OrderApi.class)
@RequiredArgsConstructor
public class OrderApiImpl implements OrderApi {
    private final CreateOrderService createOrderService;
    private final PrePayOrderService prePayOrderService;
    private final OrderQueryService orderQueryService;

    @Override
    public JsonResult<CreateOrderDTO> createOrder(CreateOrderRequest createOrderRequest) {
        return ApiResults.call("OrderApi.createOrder", () -> createOrderService.createOrder(createOrderRequest));
    }

    @Override
    public JsonResult<PrePayOrderDTO> prePayOrder(PrePayOrderRequest prePayOrderRequest) {
        return ApiResults.call("OrderApi.prePayOrder", () -> prePayOrderService.prePayOrder(prePayOrderRequest));
    }

    @Override
    public JsonResult<OrderDetailDTO> getOrderDetail(String orderId, String userId) {
        return ApiResults.call("OrderApi.getOrderDetail", () -> orderQueryService.getOrderDetail(orderId, userId));
    }
}
