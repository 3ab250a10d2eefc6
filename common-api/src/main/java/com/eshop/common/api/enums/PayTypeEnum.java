package com.eshop.common.api.enums;

import java.util.Optional;

public enum PayTypeEnum implements CodedEnum {
    WECHAT_PAY(10, "WeChat Pay"),
    ALIPAY(20, "Alipay");

    private final int code;
    private final String msg;

    PayTypeEnum(int code, String msg) {
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

    public static Optional<PayTypeEnum> find(Integer code) {
        return EnumCodes.find(values(), PayTypeEnum::getCode, code);
    }
}
