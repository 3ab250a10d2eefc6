package com.eshop.inventory.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.ProductStockDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.inventory.application.InventoryService;
import com.eshop.inventory.application.InventoryTimelineQuery;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = InventoryApi.class)
public class InventoryApiImpl implements InventoryApi {
    private final InventoryService inventoryService;
    private final InventoryTimelineQuery timelineQuery;

    public InventoryApiImpl(InventoryService inventoryService, InventoryTimelineQuery timelineQuery) {
        this.inventoryService = inventoryService;
        this.timelineQuery = timelineQuery;
    }

    @Override
    public JsonResult<Boolean> lockProductStock(LockProductStockRequest request) {
        return ApiResults.call(() -> inventoryService.lockProductStock(request));
    }

    @Override
    public JsonResult<Boolean> cancelOrderReleaseProductStock(CancelOrderReleaseProductStockRequest request) {
        return ApiResults.call(() -> inventoryService.cancelOrderReleaseProductStock(request));
    }

    @Override
    public JsonResult<Boolean> deductProductStock(String orderId) {
        return ApiResults.call(() -> inventoryService.deductProductStock(orderId));
    }

    @Override
    public JsonResult<ProductStockDTO> getProductStock(String skuCode) {
        return ApiResults.call(() -> inventoryService.getProductStock(skuCode));
    }

    @Override
    public JsonResult<Boolean> holdsLockedStock(String orderId) {
        return ApiResults.call(() -> inventoryService.holdsLockedStock(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
