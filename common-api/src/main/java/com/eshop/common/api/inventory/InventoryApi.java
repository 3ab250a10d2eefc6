package com.eshop.common.api.inventory;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

public interface InventoryApi {
    /** Moves stock from available to locked for each item, all or nothing. */
    JsonResult<Boolean> lockProductStock(LockProductStockRequest request);

    /** Moves this order's locked stock back to available, exactly once. */
    JsonResult<Boolean> cancelOrderReleaseProductStock(CancelOrderReleaseProductStockRequest request);

    /** Moves this order's locked stock to sold (out-stock), exactly once. */
    JsonResult<Boolean> deductProductStock(String orderId);

    JsonResult<ProductStockDTO> getProductStock(String skuCode);

    /** Whether this order still holds locked stock (neither released nor sold): what reconciliation re-drives. */
    JsonResult<Boolean> holdsLockedStock(String orderId);

    /** The steps of this order held here (stock log: locked, released or deducted per SKU), for the order timeline; empty when there are none. */
    JsonResult<List<TimelineEntry>> orderTimeline(String orderId);
}
