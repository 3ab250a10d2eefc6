package com.eshop.support.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A service without a usable internal-API secret stops at once, before it connects to anything or registers with
 * the registry (InternalApiSecretFailureAnalyzer says what to set); runs after the configuration files are read.
 */
public class InternalApiSecretCheck implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        InternalApiAuthenticator.checkSecret(environment.getProperty("eshop.internal-api.secret"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
