package com.eshop.order.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.OrderTimelineApi;
import com.eshop.common.api.ops.OrderTimelineDTO;
import com.eshop.order.application.OrderTimelineService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

@DubboService(version = "1.0.0", interfaceClass = OrderTimelineApi.class)
@RequiredArgsConstructor
public class OrderTimelineApiImpl implements OrderTimelineApi {
    private final OrderTimelineService orderTimelineService;

    @Override
    public JsonResult<OrderTimelineDTO> getOrderTimeline(String orderId) {
        return ApiResults.call(() -> orderTimelineService.getOrderTimeline(orderId));
    }
}
