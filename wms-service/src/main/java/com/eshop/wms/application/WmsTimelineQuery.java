package com.eshop.wms.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.wms.domain.DeliveryOrderHistory;
import com.eshop.wms.domain.DeliveryOrderHistoryRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;
import com.eshop.support.timeline.RowTimelineQuery;
import org.springframework.stereotype.Service;

import java.util.List;

/** The order timeline's steps of the delivery (picking) order: its creation and its last status change (see {@link RowTimelineQuery}). */
@Service
public class WmsTimelineQuery extends RowTimelineQuery<DeliveryOrderHistory> {

    public WmsTimelineQuery(DeliveryOrderHistoryRepository repository) {
        super(repository::findByOrderId);
    }

    @Override
    protected List<TimelineEntry> entries(DeliveryOrderHistory history) {
        String name = "delivery (picking) order " + history.deliveryOrderId();
        return new Steps(TimelineServices.WMS, "deliveryOrderId", history.deliveryOrderId(), history.status())
                .add(history.createdAt(), "DELIVERY_ORDER_CREATED", name + " created")
                .addIf(history.status() == DeliveryOrderStatus.OUT_STOCK, history.modifiedAt(), "DELIVERY_ORDER_OUT_STOCK",
                        name + " out of stock: the goods left the warehouse")
                .addIf(history.status() == DeliveryOrderStatus.CANCELLED, history.modifiedAt(), "DELIVERY_ORDER_INTERCEPTED",
                        name + " intercepted: picking cancelled")
                .entries();
    }
}
