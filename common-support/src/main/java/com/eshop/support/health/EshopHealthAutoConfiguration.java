package com.eshop.support.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The suite's health contributors. The bean names are the contributor names the readiness group of
 * eshop-defaults.yml includes ({@code dubboServices}, {@code registry}, {@code broker}, {@code seata}).
 */
@AutoConfiguration
@EnableConfigurationProperties(DependencyHealthProperties.class)
public class EshopHealthAutoConfiguration {

    @Bean
    public DubboServicesHealthIndicator dubboServicesHealthIndicator() {
        return new DubboServicesHealthIndicator();
    }

    @Bean
    public ReachabilityHealthIndicator registryHealthIndicator(DependencyHealthProperties properties) {
        return new ReachabilityHealthIndicator(properties.getRegistry(), properties.getConnectTimeout());
    }

    @Bean
    public ReachabilityHealthIndicator brokerHealthIndicator(DependencyHealthProperties properties) {
        return new ReachabilityHealthIndicator(properties.getBroker(), properties.getConnectTimeout());
    }

    @Bean
    public ReachabilityHealthIndicator seataHealthIndicator(DependencyHealthProperties properties) {
        return new ReachabilityHealthIndicator(properties.getSeata(), properties.getConnectTimeout());
    }
}
