package com.eshop.order.domain;

public enum AfterSaleTypeEnum {
    CANCEL_ORDER_REFUND(1);

    private final int code;

    AfterSaleTypeEnum(int code) {
        this.code = code;
    }

    public Integer getCode() {
        return code;
    }
}
