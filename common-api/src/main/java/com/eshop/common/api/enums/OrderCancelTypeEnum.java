package com.eshop.common.api.enums;

import java.util.Optional;

public enum OrderCancelTypeEnum implements CodedEnum {
    USER_CANCELED(0, "cancelled by the user"),
    TIMEOUT_CANCELED(1, "cancelled: not paid in time");

    private final int code;
    private final String msg;

    OrderCancelTypeEnum(int code, String msg) {
        this.code = code;
        this.msg = msg;
    }

    @Override
    public Integer getCode() {
        return code;
    }

    public String getMsg() {
        return msg;
    }

    public static Optional<OrderCancelTypeEnum> find(Integer code) {
        return EnumCodes.find(values(), OrderCancelTypeEnum::getCode, code);
    }
}
