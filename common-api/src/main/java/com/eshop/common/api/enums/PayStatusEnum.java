package com.eshop.common.api.enums;

public enum PayStatusEnum implements CodedEnum {
    UNPAID(10),
    PAID(20);

    private final int code;

    PayStatusEnum(int code) {
        this.code = code;
    }

    @Override
    public Integer getCode() {
        return code;
    }
}
