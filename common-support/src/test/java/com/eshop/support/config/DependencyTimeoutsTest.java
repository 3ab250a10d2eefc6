package com.eshop.support.config;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DependencyTimeoutsTest {
    @Test
    void theRedisClientRetriesAsConfiguredSoThatAnUnreachableRedisFailsWithinTheCallersBudget() {
        RedisClientProperties properties = new RedisClientProperties();
        properties.setRetryAttempts(2);
        properties.setRetryInterval(Duration.ofMillis(300));
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:16379").setTimeout(2000);

        new EshopSupportAutoConfiguration().redisRetries(properties).customize(config);

        assertThat(config.useSingleServer().getRetryAttempts()).isEqualTo(2);
        assertThat(config.useSingleServer().getRetryInterval()).isEqualTo(300);
        assertThat(config.useSingleServer().getAddress()).as("the starter's server settings are kept").isEqualTo("redis://127.0.0.1:16379");
    }

    /** The shared defaults, as every service reads them: each client gives up before the caller's Dubbo timeout. */
    @Test
    void everyDependencysClientGivesUpWellInsideTheCallersDubboTimeout() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("eshop-defaults.yml"));
        Properties defaults = yaml.getObject();
        long dubboTimeout = Long.parseLong(defaults.getProperty("dubbo.consumer.timeout"));
        RedisClientProperties redis = new RedisClientProperties();
        redis.setRetryAttempts(Integer.parseInt(defaults.getProperty("eshop.redis.retry-attempts")));
        redis.setRetryInterval(DurationStyle.detectAndParse(defaults.getProperty("eshop.redis.retry-interval")));
        long redisCommand = DurationStyle.detectAndParse(defaults.getProperty("spring.data.redis.timeout")).toMillis();

        long redisWorstCase = (redis.getRetryAttempts() + 1) * redisCommand + redis.getRetryAttempts() * redis.getRetryInterval().toMillis();
        assertThat(redisWorstCase).as("a command on a frozen Redis").isLessThan(dubboTimeout / 2);
        assertThat(Long.parseLong(defaults.getProperty("eshop.mysql.socket-timeout-millis"))).as("a statement on a silent database")
                .isLessThan(dubboTimeout);
        assertThat(Long.parseLong(defaults.getProperty("spring.datasource.hikari.connection-timeout"))).as("waiting for a pooled connection")
                .isLessThan(dubboTimeout / 2);
        assertThat(Long.parseLong(defaults.getProperty("seata.transport.rpc-tm-request-timeout"))).as("a request to a silent TC")
                .isLessThan(dubboTimeout);
        assertThat(Long.parseLong(defaults.getProperty("seata.transport.rpc-rm-request-timeout"))).isLessThan(dubboTimeout);
        assertThat(defaults.getProperty("spring.datasource.url"))
                .contains("socketTimeout=${eshop.mysql.socket-timeout-millis}", "connectTimeout=${eshop.mysql.connect-timeout-millis}");
    }
}
