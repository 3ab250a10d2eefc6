package com.eshop.support.sentinel;

import com.alibaba.csp.sentinel.slots.block.RuleConstant;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRule;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@link SentinelRuleProperties} into Sentinel's rule managers at start and again whenever a configuration change
 * touches {@code eshop.sentinel} (Nacos in the compose profile, {@code POST /actuator/env} where it is enabled).
 * It binds the properties itself, so it does not depend on the order in which refresh listeners run.
 */
@Slf4j
public class SentinelRules implements ApplicationListener<EnvironmentChangeEvent> {
    private static final String PREFIX = "eshop.sentinel";
    private static final String LOG_DIR_PROPERTY = "csp.sentinel.log.dir";
    private static final String LOG_PER_PROCESS_PROPERTY = "csp.sentinel.log.use.pid";

    private final Environment environment;

    public SentinelRules(Environment environment) {
        this.environment = environment;
        placeLogs(Binder.get(environment).bindOrCreate(PREFIX, SentinelRuleProperties.class).getLogDir());
        load();
    }

    /** Sentinel reads its log settings from system properties once, when its logging class first loads. */
    private static void placeLogs(String logDir) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, logDir);
        }
        System.setProperty(LOG_PER_PROCESS_PROPERTY, "true");
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        if (event.getKeys().stream().anyMatch(key -> key.startsWith(PREFIX))) {
            load();
        }
    }

    private void load() {
        SentinelRuleProperties properties = Binder.get(environment).bindOrCreate(PREFIX, SentinelRuleProperties.class);
        List<FlowRule> flowRules = flowRules(properties);
        List<DegradeRule> degradeRules = degradeRules(properties);
        FlowRuleManager.loadRules(flowRules);
        DegradeRuleManager.loadRules(degradeRules);
        AdaptiveLimits.load(properties);
        log.info("sentinel rules loaded: {} flow limits on {}, {} breaker rules on {}", flowRules.size(),
                properties.getFlow().keySet(), degradeRules.size(), properties.getCircuitBreakers().keySet());
    }

    static List<FlowRule> flowRules(SentinelRuleProperties properties) {
        List<FlowRule> rules = new ArrayList<>();
        properties.getFlow().forEach((resource, limit) -> {
            if (limit.getMaxConcurrentCalls() > 0) {
                rules.add(new FlowRule(resource).setGrade(RuleConstant.FLOW_GRADE_THREAD).setCount(limit.getMaxConcurrentCalls()));
            }
            if (limit.getMaxQps() > 0) {
                rules.add(new FlowRule(resource).setGrade(RuleConstant.FLOW_GRADE_QPS).setCount(limit.getMaxQps()));
            }
        });
        return rules;
    }

    static List<DegradeRule> degradeRules(SentinelRuleProperties properties) {
        List<DegradeRule> rules = new ArrayList<>();
        properties.getCircuitBreakers().forEach((resource, breaker) -> {
            int openSeconds = (int) Math.max(1, breaker.getOpenDuration().toSeconds());
            int windowMillis = (int) breaker.getWindow().toMillis();
            rules.add(new DegradeRule(resource).setGrade(RuleConstant.DEGRADE_GRADE_EXCEPTION_RATIO)
                    .setCount(breaker.getFailureRatio())
                    .setMinRequestAmount(breaker.getMinCalls()).setStatIntervalMs(windowMillis).setTimeWindow(openSeconds));
            rules.add(new DegradeRule(resource).setGrade(RuleConstant.DEGRADE_GRADE_RT)
                    .setCount(breaker.getSlowCallDuration().toMillis()).setSlowRatioThreshold(breaker.getSlowCallRatio())
                    .setMinRequestAmount(breaker.getMinCalls()).setStatIntervalMs(windowMillis).setTimeWindow(openSeconds));
        });
        return rules;
    }
}
