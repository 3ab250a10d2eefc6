package com.eshop.common.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of a public API's request that the caller must set: the provider answers PARAM_INVALID without it. The
 * published OpenAPI description (docs/api) lists such fields as required; the provider's checks do the refusing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Required {
}
