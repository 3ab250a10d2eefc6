package com.eshop.inventory.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.inventory.domain.StockLogHistory;
import com.eshop.inventory.domain.StockLogHistoryRepository;
import com.eshop.inventory.domain.StockLogStatus;
import com.eshop.support.error.Checks;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The order timeline's steps of the order's stock, per SKU: the lock, then the release or the deduction. LOCKED is
 * the only status that moves and it moves once, so the row's last modification dates that move.
 */
@Service
public class InventoryTimelineQuery {
    private final StockLogHistoryRepository repository;

    public InventoryTimelineQuery(StockLogHistoryRepository repository) {
        this.repository = repository;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        List<TimelineEntry> entries = new ArrayList<>();
        for (StockLogHistory row : repository.findByOrderId(orderId)) {
            entries.add(entry(row.createdAt(), "STOCK_LOCKED", "locked", row));
            if (row.status() == StockLogStatus.RELEASED) {
                entries.add(entry(row.modifiedAt(), "STOCK_RELEASED", "released back to available", row));
            } else if (row.status() == StockLogStatus.DEDUCTED) {
                entries.add(entry(row.modifiedAt(), "STOCK_DEDUCTED", "deducted: sold", row));
            }
        }
        return entries;
    }

    private static TimelineEntry entry(Instant at, String kind, String what, StockLogHistory row) {
        return TimelineEntry.of(Date.from(at), TimelineServices.INVENTORY, kind,
                        row.quantity() + " x " + row.skuCode() + " " + what)
                .with("skuCode", row.skuCode())
                .with("quantity", row.quantity());
    }
}
