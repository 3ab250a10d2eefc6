package com.eshop.fulfill.application;

import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.fulfill.domain.FulfillOrderHistory;
import com.eshop.fulfill.domain.FulfillOrderHistoryRepository;
import com.eshop.fulfill.domain.FulfillOrderStatus;
import com.eshop.support.timeline.RowTimelineQuery;
import org.springframework.stereotype.Service;

import java.util.List;

/** The order timeline's steps of the fulfill order: its creation and its last status change (see {@link RowTimelineQuery}). */
@Service
public class FulfillTimelineQuery extends RowTimelineQuery<FulfillOrderHistory> {

    public FulfillTimelineQuery(FulfillOrderHistoryRepository repository) {
        super(repository::findByOrderId);
    }

    @Override
    protected List<TimelineEntry> entries(FulfillOrderHistory history) {
        String name = "fulfill order " + history.fulfillId();
        return new Steps(TimelineServices.FULFILL, "fulfillId", history.fulfillId(), history.status())
                .add(history.createdAt(), "FULFILL_ORDER_CREATED", name + " created")
                .addIf(history.status() == FulfillOrderStatus.CANCELLED, history.modifiedAt(), "FULFILL_ORDER_INTERCEPTED",
                        name + " intercepted (cancelled by the order's cancellation)")
                .entries();
    }
}
