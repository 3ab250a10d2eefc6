package com.eshop.fulfill.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.fulfill.domain.FulfillOrderHistory;
import com.eshop.fulfill.domain.FulfillOrderHistoryRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The order timeline's steps of the fulfill order: its creation and its last status change. The row
 * keeps no history of its own, so the change is dated by the row's last modification.
 */
@Service
public class FulfillTimelineQuery {
    private final FulfillOrderHistoryRepository repository;

    public FulfillTimelineQuery(FulfillOrderHistoryRepository repository) {
        this.repository = repository;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(FulfillTimelineQuery::entries).orElse(List.of());
    }

    private static List<TimelineEntry> entries(FulfillOrderHistory history) {
        String name = "fulfill order " + history.fulfillId();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(history.createdAt(), "FULFILL_ORDER_CREATED", name + " created", history));
        if (history.status() == FulfillOrderStatus.CANCELLED) {
            entries.add(entry(history.modifiedAt(), "FULFILL_ORDER_INTERCEPTED", name + " intercepted (cancelled by the order's cancellation)", history));
        }
        return entries;
    }

    private static TimelineEntry entry(Instant at, String kind, String description, FulfillOrderHistory history) {
        return TimelineEntry.of(Date.from(at), TimelineServices.FULFILL, kind, description)
                .with("fulfillId", history.fulfillId())
                .with("status", history.status().name());
    }
}
