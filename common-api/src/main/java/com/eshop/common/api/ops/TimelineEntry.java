package com.eshop.common.api.ops;

import lombok.Data;
import lombok.NoArgsConstructor;

import java.io.Serializable;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One dated step of an order's chain, as the service that owns it recorded it: a status change, a lock or release
 * of an asset, a payment or refund, a message on the broker. {@code kind} is a stable upper-case name
 * (e.g. {@code COUPON_LOCKED}); {@code detail} holds the step's identifiers and amounts.
 */
@Data
@NoArgsConstructor
public class TimelineEntry implements Serializable {
    private static final long serialVersionUID = 1L;

    private Date time;
    private String service;
    private String kind;
    private String description;
    private Map<String, String> detail = new LinkedHashMap<>();

    public static TimelineEntry of(Date time, String service, String kind, String description) {
        TimelineEntry entry = new TimelineEntry();
        entry.time = time;
        entry.service = service;
        entry.kind = kind;
        entry.description = description;
        return entry;
    }

    public TimelineEntry with(String key, Object value) {
        if (value != null) {
            detail.put(key, String.valueOf(value));
        }
        return this;
    }
}
