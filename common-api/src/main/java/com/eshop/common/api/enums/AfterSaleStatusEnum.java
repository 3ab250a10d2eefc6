package com.eshop.common.api.enums;

public enum AfterSaleStatusEnum {
    UN_CREATED(0),
    REVIEW_PASS(20),
    REFUNDING(50),
    REFUNDED(60);

    private final int code;

    AfterSaleStatusEnum(int code) {
        this.code = code;
    }

    public Integer getCode() {
        return code;
    }
}
