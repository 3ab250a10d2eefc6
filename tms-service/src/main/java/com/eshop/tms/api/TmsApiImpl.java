package com.eshop.tms.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.tms.LogisticOrderDTO;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.common.api.tms.TmsApi;
import com.eshop.support.error.ApiResults;
import com.eshop.tms.application.CancelSendOutService;
import com.eshop.tms.application.LogisticOrderQueryService;
import com.eshop.tms.application.SendOutService;
import com.eshop.tms.application.TmsTimelineQuery;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = TmsApi.class)
@RequiredArgsConstructor
public class TmsApiImpl implements TmsApi {
    private final SendOutService sendOutService;
    private final CancelSendOutService cancelSendOutService;
    private final LogisticOrderQueryService logisticOrderQueryService;
    private final TmsTimelineQuery timelineQuery;

    @Override
    public JsonResult<LogisticOrderDTO> sendOut(SendOutRequest request) {
        return ApiResults.call(() -> sendOutService.sendOut(request));
    }

    @Override
    public JsonResult<Boolean> cancelSendOut(String orderId) {
        return ApiResults.call(() -> cancelSendOutService.cancelSendOut(orderId));
    }

    @Override
    public JsonResult<LogisticOrderDTO> getLogisticOrder(String orderId) {
        return ApiResults.call(() -> logisticOrderQueryService.getLogisticOrder(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
