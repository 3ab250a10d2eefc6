package com.eshop.order.domain;

import java.time.Instant;

/** One row of the order operate log: an operation ({@link OrderOperateTypeEnum} code) and the status change it made. */
public record OrderStatusChange(int operateType, int preStatus, int currentStatus, String remark, Instant at) {
}
