package com.eshop.order.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.OrderInternalApi;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.order.application.ConfirmOutStockService;
import com.eshop.order.application.OrderQueryService;
import com.eshop.order.application.PayCallbackService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(version = "1.0.0", interfaceClass = OrderInternalApi.class)
@RequiredArgsConstructor
public class OrderInternalApiImpl implements OrderInternalApi {
    private final ConfirmOutStockService confirmOutStockService;
    private final OrderQueryService orderQueryService;
    private final PayCallbackService payCallbackService;

    @Override
    public JsonResult<Boolean> payCallback(PayCallbackRequest payCallbackRequest) {
        return ApiResults.call("OrderInternalApi.payCallback", () -> {
            payCallbackService.payCallback(payCallbackRequest);
            return true;
        });
    }

    @Override
    public JsonResult<Boolean> confirmOutStock(String orderId) {
        return ApiResults.call(() -> {
            confirmOutStockService.confirmOutStock(orderId);
            return true;
        });
    }

    @Override
    public JsonResult<Boolean> isCancellationCommitted(String orderId) {
        return ApiResults.call(() -> orderQueryService.isCancellationCommitted(orderId));
    }
}
