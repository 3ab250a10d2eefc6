package com.eshop.common.api.enums;

/** An enum that travels as its integer code (DTO and message fields), not as its name. */
public interface CodedEnum {
    Integer getCode();
}
