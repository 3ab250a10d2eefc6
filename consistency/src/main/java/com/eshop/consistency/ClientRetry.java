package com.eshop.consistency;

import com.eshop.common.api.ErrorCode;

import java.util.Set;

/** When the workload and the bench call an API again, as a client would. */
public final class ClientRetry {
    /** No answer (the call threw) or SYSTEM_ERROR: the client cannot tell whether the call took effect. */
    private static final Set<String> AMBIGUOUS = Set.of("EXCEPTION", "SYSTEM_ERROR");

    private ClientRetry() {
    }

    /** The answers after which the same request is sent again: the ones the API calls retryable, and the ambiguous ones. */
    public static boolean isWorthRetrying(String code) {
        return AMBIGUOUS.contains(code) || ErrorCode.isRetryable(code);
    }
}
