package com.eshop.support.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up without a usable internal-API secret ends with what to set instead of a stack trace. */
public class InternalApiSecretFailureAnalyzer extends AbstractFailureAnalyzer<InternalApiSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InternalApiSecretException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable ESHOP_INTERNAL_API_SECRET (or the property eshop.internal-api.secret) to the"
                        + " same secret of at least " + InternalApiAuthenticator.MIN_SECRET_LENGTH + " characters in every"
                        + " service, e.g. from: openssl rand -hex 32. Only the local stack supplies one itself.",
                cause);
    }
}
