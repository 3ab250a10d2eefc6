package com.eshop.tms.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.tms.domain.LogisticOrderHistory;
import com.eshop.tms.domain.LogisticOrderHistoryRepository;
import com.eshop.tms.domain.LogisticOrderStatus;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The order timeline's steps of the logistic order: its creation and its last status change. The row
 * keeps no history of its own, so the change is dated by the row's last modification.
 */
@Service
public class TmsTimelineQuery {
    private final LogisticOrderHistoryRepository repository;

    public TmsTimelineQuery(LogisticOrderHistoryRepository repository) {
        this.repository = repository;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        return repository.findByOrderId(orderId).map(TmsTimelineQuery::entries).orElse(List.of());
    }

    private static List<TimelineEntry> entries(LogisticOrderHistory history) {
        String name = "logistic order " + history.logisticOrderId();
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(entry(history.createdAt(), "LOGISTIC_ORDER_CREATED", name + " created", history));
        if (history.status() == LogisticOrderStatus.IN_TRANSIT) {
            entries.add(entry(history.modifiedAt(), "LOGISTIC_ORDER_IN_TRANSIT", name + " in transit", history));
        }
        if (history.status() == LogisticOrderStatus.CANCELLED) {
            entries.add(entry(history.modifiedAt(), "LOGISTIC_ORDER_INTERCEPTED", name + " intercepted: shipping cancelled", history));
        }
        return entries;
    }

    private static TimelineEntry entry(Instant at, String kind, String description, LogisticOrderHistory history) {
        return TimelineEntry.of(Date.from(at), TimelineServices.TMS, kind, description)
                .with("logisticOrderId", history.logisticOrderId())
                .with("status", history.status().name());
    }
}
