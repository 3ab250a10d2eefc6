package com.eshop.common.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Dubbo API that anyone who reaches the port may call. Every API without it is internal: its provider
 * refuses a call that is not signed with the suite's internal-API secret ({@link InternalApiSignature}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicApi {
}
