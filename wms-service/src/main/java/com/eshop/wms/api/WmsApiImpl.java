package com.eshop.wms.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.WmsApi;
import com.eshop.support.error.ApiResults;
import com.eshop.wms.application.WmsService;
import com.eshop.wms.application.WmsTimelineQuery;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = WmsApi.class)
public class WmsApiImpl implements WmsApi {
    private final WmsService wmsService;
    private final WmsTimelineQuery timelineQuery;

    public WmsApiImpl(WmsService wmsService, WmsTimelineQuery timelineQuery) {
        this.wmsService = wmsService;
        this.timelineQuery = timelineQuery;
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

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
