package com.eshop.support.health;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The servers the readiness probe checks for reachability (README "Health and probes"). The shared configuration
 * (eshop-defaults.yml) points each at the address the service's client uses.
 */
@Data
@ConfigurationProperties("eshop.health")
public class DependencyHealthProperties {
    /** How long each TCP connection attempt of a check may take; a probe runs one per configured endpoint. */
    private Duration connectTimeout = Duration.ofSeconds(1);
    /** The Dubbo registry (ZooKeeper or Nacos): a registry URL such as zookeeper://host:2181 or nacos://host:8848. */
    private String registry;
    /** The RocketMQ name servers, host:port;host:port as the clients' namesrvAddr. */
    private String broker;
    /** The Seata TC, host:port (several comma-separated). */
    private String seata;
}
