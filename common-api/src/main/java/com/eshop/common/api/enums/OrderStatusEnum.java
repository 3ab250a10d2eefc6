package com.eshop.common.api.enums;

public enum OrderStatusEnum implements CodedEnum {
    CREATED(10, "created, awaiting payment"),
    PAID(20, "paid"),
    FULFILL(30, "in fulfillment"),
    OUT_STOCK(40, "out of stock (left the warehouse)"),
    DELIVERY(50, "in delivery"),
    SIGNED(60, "signed"),
    CANCELED(70, "cancelled");

    private final int code;
    private final String msg;

    OrderStatusEnum(int code, String msg) {
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

    public static OrderStatusEnum of(Integer code) {
        return EnumCodes.of(values(), OrderStatusEnum::getCode, code, "order status");
    }
}
