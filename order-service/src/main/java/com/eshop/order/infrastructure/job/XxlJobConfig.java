package com.eshop.order.infrastructure.job;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The XXL-JOB executor that runs AutoCancelExpiredOrderTask and ReconcileCancelledOrdersTask. */
@Configuration
@EnableConfigurationProperties(XxlJobProperties.class)
public class XxlJobConfig {

    @Bean
    public SuiteJobExecutor xxlJobExecutor(ApplicationContext context, XxlJobProperties properties) {
        return new SuiteJobExecutor(context, properties);
    }
}
