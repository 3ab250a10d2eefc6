package com.eshop.wms.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.wms.domain.DeliveryOrderHistory;
import com.eshop.wms.domain.DeliveryOrderHistoryRepository;
import com.eshop.wms.domain.DeliveryOrderStatus;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The order timeline's steps of the delivery (picking) order: its creation and its last status change. The row
 * keeps no history of its own, so the change is dated by the row's last modification.
 */
@Service
public class WmsTimelineQuery {
    private final DeliveryOrderHistoryRepository repository;

    public WmsTimelineQuery(DeliveryOrderHistoryRepository repository) {
        this.repository = repository;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(WmsTimelineQuery::entries).orElse(List.of());
    }

    private static List<TimelineEntry> entries(DeliveryOrderHistory history) {
        String name = "delivery (picking) order " + history.deliveryOrderId();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(history.createdAt(), "DELIVERY_ORDER_CREATED", name + " created", history));
        if (history.status() == DeliveryOrderStatus.OUT_STOCK) {
            entries.add(entry(history.modifiedAt(), "DELIVERY_ORDER_OUT_STOCK", name + " out of stock: the goods left the warehouse", history));
        }
        if (history.status() == DeliveryOrderStatus.CANCELLED) {
            entries.add(entry(history.modifiedAt(), "DELIVERY_ORDER_INTERCEPTED", name + " intercepted: picking cancelled", history));
        }
        return entries;
    }

    private static TimelineEntry entry(Instant at, String kind, String description, DeliveryOrderHistory history) {
        return TimelineEntry.of(Date.from(at), TimelineServices.WMS, kind, description)
                .with("deliveryOrderId", history.deliveryOrderId())
                .with("status", history.status().name());
    }
}
