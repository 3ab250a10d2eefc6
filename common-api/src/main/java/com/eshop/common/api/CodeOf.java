package com.eshop.common.api;

import com.eshop.common.api.enums.CodedEnum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field holds the code of one of {@link #value()}'s constants: {@link CodedEnum#getCode()} for a coded enum, the
 * constant's name otherwise. The published API and topic descriptions (docs/api) list those values.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CodeOf {
    Class<? extends Enum<?>> value();
}
