package com.eshop.order.application;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tunables an operator changes in Nacos (compose profile) reach the running use cases: a refresh rebinds
 * {@link OrderProperties}, which the scan, the reconciliation and order creation read on every run.
 */
class OrderPropertiesRefreshTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesRebinderAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("eshop.order.pay-timeout=PT30M", "eshop.order.scan-page-size=200");

    @Test
    void aRefreshRebindsPayTimeoutScanPageSizeAndReconcileGrace() {
        runner.run(context -> {
            OrderProperties properties = context.getBean(OrderProperties.class);
            assertThat(properties.getPayTimeout()).isEqualTo(Duration.ofMinutes(30));

            Map<String, Object> changed = Map.of("eshop.order.pay-timeout", "PT15M", "eshop.order.scan-page-size", "50",
                    "eshop.order.reconcile-grace", "2m");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("nacos-eshop-tunables", changed));
            context.publishEvent(new EnvironmentChangeEvent(context.getSourceApplicationContext(), changed.keySet()));

            assertThat(context.getBean(OrderProperties.class)).isSameAs(properties);
            assertThat(properties.getPayTimeout()).isEqualTo(Duration.ofMinutes(15));
            assertThat(properties.getScanPageSize()).isEqualTo(50);
            assertThat(properties.getReconcileGrace()).isEqualTo(Duration.ofMinutes(2));
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OrderProperties.class)
    static class Settings {
    }
}
