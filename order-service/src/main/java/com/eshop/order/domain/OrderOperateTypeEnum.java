package com.eshop.order.domain;

import com.eshop.common.api.enums.EnumCodes;
import java.util.Optional;

public enum OrderOperateTypeEnum {
    NEW_ORDER(10, "order created"),
    PAID(20, "order paid"),
    FULFILL(30, "sent to fulfillment"),
    OUT_STOCK(40, "goods left the warehouse"),
    MANUAL_CANCEL_ORDER(50, "cancelled by the user: "),
    AUTO_CANCEL_ORDER(60, "cancelled on pay timeout: ");

    private final int code;
    private final String msg;

    OrderOperateTypeEnum(int code, String msg) {
        this.code = code;
        this.msg = msg;
    }

    public Integer getCode() {
        return code;
    }

    public String getMsg() {
        return msg;
    }

    public static Optional<OrderOperateTypeEnum> of(int code) {
        return EnumCodes.find(values(), OrderOperateTypeEnum::getCode, code);
    }
}
