package com.eshop.common.api.ops;

import lombok.Data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Every step of one order across the services and the broker, oldest first. */
@Data
public class OrderTimelineDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    private Integer orderStatus;
    private Date createdTime;
    private List<TimelineEntry> entries = new ArrayList<>();
}
