package com.eshop.order.infrastructure.config;

import com.xxl.job.core.executor.impl.XxlJobSpringExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The XXL-JOB executor that runs AutoCancelExpiredOrderTask (xxl-job has no Boot starter). */
@Configuration
public class XxlJobConfig {

    @Bean
    public XxlJobSpringExecutor xxlJobExecutor(@Value("${xxl.job.admin.addresses:}") String adminAddresses,
                                               @Value("${xxl.job.accessToken:}") String accessToken,
                                               @Value("${xxl.job.executor.appname}") String appName,
                                               @Value("${xxl.job.executor.ip:127.0.0.1}") String ip,
                                               @Value("${xxl.job.executor.port}") int port,
                                               @Value("${xxl.job.executor.logpath}") String logPath,
                                               @Value("${xxl.job.executor.logretentiondays:7}") int logRetentionDays) {
        XxlJobSpringExecutor executor = new XxlJobSpringExecutor();
        executor.setAdminAddresses(adminAddresses);
        executor.setAccessToken(accessToken);
        executor.setAppname(appName);
        executor.setIp(ip);
        executor.setPort(port);
        executor.setLogPath(logPath);
        executor.setLogRetentionDays(logRetentionDays);
        return executor;
    }
}
