package com.eshop.support.auth;

/** The internal-API secret is missing or too short: the service must not start (InternalApiSecretFailureAnalyzer). */
public class InternalApiSecretException extends IllegalStateException {
    public InternalApiSecretException(String message) {
        super(message);
    }
}
