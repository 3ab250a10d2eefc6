package com.eshop.support.sentinel;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.eshop.support.lock.LockProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a Nacos change does (NacosContextRefresher → ContextRefresher → EnvironmentChangeEvent), without a Nacos server. */
class RefreshableSettingsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesRebinderAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues("eshop.lock.wait-time=5s", "eshop.sentinel.flow[OrderApi.createOrder].max-concurrent-calls=64");

    @AfterEach
    void clearRules() {
        FlowRuleManager.loadRules(List.of());
        DegradeRuleManager.loadRules(List.of());
    }

    @Test
    void aRefreshRebindsTheLockWaitTimeAndReloadsTheSentinelRules() {
        runner.run(context -> {
            assertThat(context.getBean(LockProperties.class).getWaitTime()).isEqualTo(Duration.ofSeconds(5));
            assertThat(FlowRuleManager.getRules()).singleElement()
                    .satisfies(rule -> assertThat(rule.getGrade()).isEqualTo(RuleConstant.FLOW_GRADE_THREAD))
                    .extracting(FlowRule::getCount).isEqualTo(64.0);

            changeConfiguration(context, Map.of("eshop.lock.wait-time", "750ms",
                    "eshop.sentinel.flow[OrderApi.createOrder].max-qps", "5"));

            assertThat(context.getBean(LockProperties.class).getWaitTime()).isEqualTo(Duration.ofMillis(750));
            assertThat(FlowRuleManager.getRules()).extracting(FlowRule::getResource, FlowRule::getGrade, FlowRule::getCount)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("OrderApi.createOrder", RuleConstant.FLOW_GRADE_THREAD, 64.0),
                            org.assertj.core.groups.Tuple.tuple("OrderApi.createOrder", RuleConstant.FLOW_GRADE_QPS, 5.0));
        });
    }

    /** A new highest-precedence property source, announced the way spring-cloud-context announces a refresh. */
    static void changeConfiguration(AssertableApplicationContext context, Map<String, Object> changed) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("changed", changed));
        context.publishEvent(new EnvironmentChangeEvent(context.getSourceApplicationContext(), changed.keySet()));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LockProperties.class)
    static class Settings {
        @Bean
        SentinelRules sentinelRules(Environment environment) {
            return new SentinelRules(environment);
        }
    }
}
