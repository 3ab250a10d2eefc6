package com.eshop.common.api.enums;

public enum RefundStatusEnum implements CodedEnum {
    UN_REFUND(10),
    REFUND_SUCCESS(20);

    private final int code;

    RefundStatusEnum(int code) {
        this.code = code;
    }

    @Override
    public Integer getCode() {
        return code;
    }
}
