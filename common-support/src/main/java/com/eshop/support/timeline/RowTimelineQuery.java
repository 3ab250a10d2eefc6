package com.eshop.support.timeline;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.support.error.Checks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order timeline's steps of a service that keeps one row per order and no history of it: the row's creation, and
 * the status it reached since, dated by the row's last modification. Subclasses say which statuses are steps.
 *
 * @param <H> the row, as the service's history repository reads it
 */
public abstract class RowTimelineQuery<H> {
    private final Function<String, Optional<H>> findByOrderId;

    protected RowTimelineQuery(Function<String, Optional<H>> findByOrderId) {
        this.findByOrderId = findByOrderId;
    }

    public List<TimelineEntry> orderTimeline(String orderId) {
        Checks.id(orderId, "orderId");
        return findByOrderId.apply(orderId).map(this::entries).orElse(List.of());
    }

    protected abstract List<TimelineEntry> entries(H row);

    /** The entries of one row; each carries the row's id and its current status. */
    protected static final class Steps {
        private final String service;
        private final String idKey;
        private final String id;
        private final String status;
        private final List<TimelineEntry> entries = new ArrayList<>();

        public Steps(String service, String idKey, String id, Enum<?> status) {
            this.service = service;
            this.idKey = idKey;
            this.id = id;
            this.status = status.name();
        }

        public Steps add(Instant at, String kind, String description) {
            entries.add(TimelineEntry.of(Date.from(at), service, kind, description).with(idKey, id).with("status", status));
            return this;
        }

        public Steps addIf(boolean reached, Instant at, String kind, String description) {
            return reached ? add(at, kind, description) : this;
        }

        public List<TimelineEntry> entries() {
            return entries;
        }
    }
}
