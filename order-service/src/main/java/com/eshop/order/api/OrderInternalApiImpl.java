package com.eshop.order.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.OrderInternalApi;
import com.eshop.order.application.OrderAfterSaleService;
import com.eshop.order.application.OrderService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(version = "1.0.0", interfaceClass = OrderInternalApi.class, token = "${eshop.internal-api.token}")
@RequiredArgsConstructor
public class OrderInternalApiImpl implements OrderInternalApi {
    private final OrderService orderService;
    private final OrderAfterSaleService orderAfterSaleService;

    @Override
    public JsonResult<Boolean> confirmOutStock(String orderId) {
        return ApiResults.call(() -> {
            orderService.confirmOutStock(orderId);
            return true;
        });
    }

    @Override
    public JsonResult<Boolean> isCancellationCommitted(String orderId) {
        return ApiResults.call(() -> orderAfterSaleService.isCancellationCommitted(orderId));
    }
}
