package com.eshop.inventory.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.inventory.LockProductStockRequest;
import com.eshop.common.api.inventory.ProductStockDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.inventory.application.DeductStockService;
import com.eshop.inventory.application.InventoryTimelineQuery;
import com.eshop.inventory.application.LockStockService;
import com.eshop.inventory.application.ProductStockQueryService;
import com.eshop.inventory.application.ReleaseStockService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = InventoryApi.class)
@RequiredArgsConstructor
public class InventoryApiImpl implements InventoryApi {
    private final LockStockService lockStockService;
    private final ReleaseStockService releaseStockService;
    private final DeductStockService deductStockService;
    private final ProductStockQueryService productStockQueryService;
    private final InventoryTimelineQuery timelineQuery;

    @Override
    public JsonResult<Boolean> lockProductStock(LockProductStockRequest request) {
        return ApiResults.call(() -> lockStockService.lockProductStock(request));
    }

    @Override
    public JsonResult<Boolean> cancelOrderReleaseProductStock(CancelOrderReleaseProductStockRequest request) {
        return ApiResults.call(() -> releaseStockService.cancelOrderReleaseProductStock(request));
    }

    @Override
    public JsonResult<Boolean> deductProductStock(String orderId) {
        return ApiResults.call(() -> deductStockService.deductProductStock(orderId));
    }

    @Override
    public JsonResult<ProductStockDTO> getProductStock(String skuCode) {
        return ApiResults.call(() -> productStockQueryService.getProductStock(skuCode));
    }

    @Override
    public JsonResult<Boolean> holdsLockedStock(String orderId) {
        return ApiResults.call(() -> productStockQueryService.holdsLockedStock(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
