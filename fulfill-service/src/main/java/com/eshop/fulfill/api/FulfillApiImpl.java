package com.eshop.fulfill.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.fulfill.CancelFulfillRequest;
import com.eshop.common.api.fulfill.FulfillApi;
import com.eshop.common.api.fulfill.FulfillOrderDTO;
import com.eshop.common.api.fulfill.ReceiveFulfillRequest;
import com.eshop.fulfill.application.CancelFulfillService;
import com.eshop.fulfill.application.FulfillOrderQueryService;
import com.eshop.fulfill.application.FulfillTimelineQuery;
import com.eshop.fulfill.application.ReceiveOrderFulfillService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = FulfillApi.class)
@RequiredArgsConstructor
public class FulfillApiImpl implements FulfillApi {
    private final ReceiveOrderFulfillService receiveOrderFulfillService;
    private final CancelFulfillService cancelFulfillService;
    private final FulfillOrderQueryService fulfillOrderQueryService;
    private final FulfillTimelineQuery timelineQuery;

    @Override
    public JsonResult<FulfillOrderDTO> receiveOrderFulfill(ReceiveFulfillRequest request) {
        return ApiResults.call(() -> receiveOrderFulfillService.receiveOrderFulfill(request));
    }

    @Override
    public JsonResult<Boolean> cancelFulfill(CancelFulfillRequest cancelFulfillRequest) {
        return ApiResults.call(() -> cancelFulfillService.cancelFulfill(cancelFulfillRequest));
    }

    @Override
    public JsonResult<FulfillOrderDTO> getFulfillOrder(String orderId) {
        return ApiResults.call(() -> fulfillOrderQueryService.getFulfillOrder(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
