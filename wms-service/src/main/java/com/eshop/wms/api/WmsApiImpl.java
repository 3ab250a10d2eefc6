package com.eshop.wms.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.wms.DeliveryOrderDTO;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.common.api.wms.WmsApi;
import com.eshop.support.error.ApiResults;
import com.eshop.wms.application.CancelPickGoodsService;
import com.eshop.wms.application.DeliveryOrderQueryService;
import com.eshop.wms.application.OutStockService;
import com.eshop.wms.application.PickGoodsService;
import com.eshop.wms.application.WmsTimelineQuery;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = WmsApi.class)
@RequiredArgsConstructor
public class WmsApiImpl implements WmsApi {
    private final PickGoodsService pickGoodsService;
    private final CancelPickGoodsService cancelPickGoodsService;
    private final OutStockService outStockService;
    private final DeliveryOrderQueryService deliveryOrderQueryService;
    private final WmsTimelineQuery timelineQuery;

    @Override
    public JsonResult<DeliveryOrderDTO> pickGoods(PickGoodsRequest request) {
        return ApiResults.call(() -> pickGoodsService.pickGoods(request));
    }

    @Override
    public JsonResult<Boolean> cancelPickGoods(String orderId) {
        return ApiResults.call(() -> cancelPickGoodsService.cancelPickGoods(orderId));
    }

    @Override
    public JsonResult<Boolean> outStock(String orderId) {
        return ApiResults.call(() -> outStockService.outStock(orderId));
    }

    @Override
    public JsonResult<DeliveryOrderDTO> getDeliveryOrder(String orderId) {
        return ApiResults.call(() -> deliveryOrderQueryService.getDeliveryOrder(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
