package com.eshop.tms.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.tms.domain.LogisticOrderHistory;
import com.eshop.tms.domain.LogisticOrderHistoryRepository;
import com.eshop.tms.domain.LogisticOrderStatus;
import com.eshop.support.timeline.RowTimelineQuery;
import org.springframework.stereotype.Service;

import java.util.List;

/** The order timeline's steps of the logistic order: its creation and its last status change (see {@link RowTimelineQuery}). */
@Service
public class TmsTimelineQuery extends RowTimelineQuery<LogisticOrderHistory> {

    public TmsTimelineQuery(LogisticOrderHistoryRepository repository) {
        super(repository::findByOrderId);
    }

    @Override
    protected List<TimelineEntry> entries(LogisticOrderHistory history) {
        String name = "logistic order " + history.logisticOrderId();
        return new Steps(TimelineServices.TMS, "logisticOrderId", history.logisticOrderId(), history.status())
                .add(history.createdAt(), "LOGISTIC_ORDER_CREATED", name + " created")
                .addIf(history.status() == LogisticOrderStatus.IN_TRANSIT, history.modifiedAt(), "LOGISTIC_ORDER_IN_TRANSIT",
                        name + " in transit")
                .addIf(history.status() == LogisticOrderStatus.CANCELLED, history.modifiedAt(), "LOGISTIC_ORDER_INTERCEPTED",
                        name + " intercepted: shipping cancelled")
                .entries();
    }
}
