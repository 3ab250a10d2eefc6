package com.eshop.common.api.enums;

public enum AfterSaleStatusEnum implements CodedEnum {
    UN_CREATED(0),
    REVIEW_PASS(20),
    REFUNDING(50),
    REFUNDED(60);

    private final int code;

    AfterSaleStatusEnum(int code) {
        this.code = code;
    }

    @Override
    public Integer getCode() {
        return code;
    }
}
