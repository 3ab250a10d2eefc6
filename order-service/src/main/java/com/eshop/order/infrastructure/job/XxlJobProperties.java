package com.eshop.order.infrastructure.job;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** order-service's XXL-JOB executor (xxl-job has no Boot starter): where it listens and who may trigger it. */
@Data
@ConfigurationProperties("xxl.job")
public class XxlJobProperties {
    /**
     * Secret the XXL-JOB admin (or the local stack's trigger) sends in the XXL-JOB-ACCESS-TOKEN header; a request
     * without it is refused. Required: start-up fails while it is empty.
     */
    private String accessToken = "";
    private Admin admin = new Admin();
    private Executor executor = new Executor();

    @Data
    public static class Admin {
        /** Comma-separated admin addresses the executor registers with and reports to; empty: no admin. */
        private String addresses = "";
    }

    @Data
    public static class Executor {
        /** Executor name in the admin (AppName). */
        private String appname = "eshop-order-executor";
        /**
         * Address the executor listens on and registers with the admin; empty: the host's first network address.
         * Never the wildcard.
         */
        private String ip = "127.0.0.1";
        /** Port of the executor's HTTP endpoint (/run, /beat, /idleBeat, /kill, /log). */
        private int port = 19999;
        /** Directory of the job logs. */
        private String logpath = System.getProperty("user.home") + "/xxl-job/logs";
        /** Job logs older than this many days are deleted (values below 3 keep them forever, as in xxl-job). */
        private int logretentiondays = 7;
    }
}
