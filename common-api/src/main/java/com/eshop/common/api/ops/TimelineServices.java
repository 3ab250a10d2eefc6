package com.eshop.common.api.ops;

/** The {@link TimelineEntry#getService()} names: the seven services, and the broker. */
public final class TimelineServices {
    public static final String ORDER = "order";
    public static final String FULFILL = "fulfill";
    public static final String WMS = "wms";
    public static final String TMS = "tms";
    public static final String MARKET = "market";
    public static final String INVENTORY = "inventory";
    public static final String PAY = "pay";
    public static final String BROKER = "broker";

    /** Kind of the entry that stands for a source that did not answer. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    private TimelineServices() {
    }
}
