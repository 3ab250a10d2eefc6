package com.eshop.support.fault;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashMap;
import java.util.Map;

@Data
@ConfigurationProperties("eshop.faults")
public class FaultProperties {
    /** Master switch; only the test launcher sets it. */
    private boolean enabled = false;
    /** Initial rates per injection point, e.g. {@code eshop.faults.rates[mq.consume-failure]=0.2}. */
    private Map<String, Double> rates = new HashMap<>();
}
