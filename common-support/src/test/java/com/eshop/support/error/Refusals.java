package com.eshop.support.error;

import com.eshop.common.api.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the services' use-case tests expect a refusal: a {@link BizException} carrying its error code. */
public final class Refusals {
    private Refusals() {
    }

    public static void assertRefused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(code));
    }
}
