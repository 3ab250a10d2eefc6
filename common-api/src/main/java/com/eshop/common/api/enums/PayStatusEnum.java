package com.eshop.common.api.enums;

public enum PayStatusEnum {
    UNPAID(10),
    PAID(20);

    private final int code;

    PayStatusEnum(int code) {
        this.code = code;
    }

    public Integer getCode() {
        return code;
    }
}
