package com.eshop.inventory.domain;

import com.eshop.common.api.enums.EnumCodes;

/**
 * State of one order's stock on one SKU (a row of product_stock_log). LOCKED is the only state that moves:
 * to RELEASED when the order is cancelled, to DEDUCTED when the goods leave the warehouse. Both are final,
 * so a repeated release or deduction finds nothing to do.
 */
public enum StockLogStatus {
    LOCKED(10),
    RELEASED(20),
    DEDUCTED(30);

    private final int code;

    StockLogStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean canMoveTo(StockLogStatus target) {
        return this == LOCKED && (target == RELEASED || target == DEDUCTED);
    }

    public static StockLogStatus of(int code) {
        return EnumCodes.of(values(), StockLogStatus::code, code, "stock log status");
    }
}
