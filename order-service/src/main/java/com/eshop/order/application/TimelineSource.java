package com.eshop.order.application;

import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

/** Another service's part of an order's chain (its {@code orderTimeline} API). A failure is thrown. */
public interface TimelineSource {
    /** The {@link com.eshop.common.api.ops.TimelineServices} name of the service. */
    String service();

    List<TimelineEntry> orderTimeline(String orderId);
}
