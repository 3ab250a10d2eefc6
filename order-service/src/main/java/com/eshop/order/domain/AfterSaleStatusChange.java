package com.eshop.order.domain;

import java.time.Instant;

/** One row of the after-sale log: a status change of one of the order's after-sales. */
public record AfterSaleStatusChange(String afterSaleId, int preStatus, int currentStatus, String remark, Instant at) {
}
