package com.eshop.common.api.wms;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

public interface WmsApi {
    /** Creates the delivery (picking) order. Idempotent per order. */
    JsonResult<DeliveryOrderDTO> pickGoods(PickGoodsRequest request);

    /** Removes the delivery order; refused once the goods left the warehouse. */
    JsonResult<Boolean> cancelPickGoods(String orderId);

    /** Goods leave the warehouse: delivery order OUT_STOCK, order OUT_STOCK, locked stock sold (one global transaction). */
    JsonResult<Boolean> outStock(String orderId);

    JsonResult<DeliveryOrderDTO> getDeliveryOrder(String orderId);

    /** The steps of this order held here (delivery order: created, out of stock, intercepted), for the order timeline; empty when there are none. */
    JsonResult<List<TimelineEntry>> orderTimeline(String orderId);
}
