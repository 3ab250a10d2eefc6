package com.eshop.support.config;

import com.eshop.support.auth.InternalApiAuthenticator;
import com.eshop.support.auth.InternalApiProperties;
import com.eshop.support.fault.FaultInjectingConsumeInterceptor;
import com.eshop.support.fault.FaultProperties;
import com.eshop.support.fault.FaultSwitches;
import com.eshop.support.fault.FaultsEndpoint;
import com.eshop.support.lock.LockProperties;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.metrics.EagerSeries;
import com.eshop.support.metrics.EshopMetrics;
import com.eshop.support.mq.CheckBackPolicy;
import com.eshop.support.mq.ConsumeInterceptor;
import com.eshop.support.mq.ConsumerContainer;
import com.eshop.support.mq.DeadLetterDepth;
import com.eshop.support.mq.DeadLetterRedriver;
import com.eshop.support.mq.DeadLettersEndpoint;
import com.eshop.support.mq.MessageHandler;
import com.eshop.support.mq.MqProducer;
import com.eshop.support.mq.MqProperties;
import com.eshop.support.mq.TransactionCheckBack;
import com.eshop.support.mq.TransactionCheckReadiness;
import com.eshop.support.mq.TransactionListenerDispatcher;
import com.eshop.support.sentinel.AdaptiveConcurrencyLimit;
import com.eshop.support.sentinel.AdaptiveLimits;
import com.eshop.support.sentinel.SentinelRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;

/** Wires the shared mechanisms into every service: one lock helper, one producer with one listener, one consumer container. */
@AutoConfiguration
@EnableConfigurationProperties({MqProperties.class, FaultProperties.class, LockProperties.class, InternalApiProperties.class,
        RedisClientProperties.class})
public class EshopSupportAutoConfiguration {
    private static final String ROWSET_FACTORY_PROPERTY = "javax.sql.rowset.RowSetFactory";
    private static final String JDK_ROWSET_FACTORY = "com.sun.rowset.RowSetFactoryImpl";

    static {
        // Seata AT asks RowSetProvider.newFactory() for a CachedRowSet on every INSERT (generated keys); unless this
        // property names the factory, each call runs a ServiceLoader scan of the whole nested-jar classpath: a tenth
        // of order-service's CPU under load (JFR, docs/performance.md)
        if (System.getProperty(ROWSET_FACTORY_PROPERTY) == null) {
            System.setProperty(ROWSET_FACTORY_PROPERTY, JDK_ROWSET_FACTORY);
        }
    }

    /** Named so: Dubbo injects it by this name into ProviderObservationFilter. */
    @Bean
    public EshopMetrics eshopMetrics(MeterRegistry meterRegistry) {
        return new EshopMetrics(meterRegistry);
    }

    @Bean
    public EagerSeries eagerSeries(EshopMetrics eshopMetrics, ObjectProvider<MessageHandler> handlers,
                                   ObjectProvider<TransactionCheckBack> checkBacks, LockProperties lockProperties) {
        return new EagerSeries(eshopMetrics, handlers, checkBacks, lockProperties::getNames);
    }

    /** Named so: Dubbo injects it by this name into InternalApiAuthFilter and InternalApiSigningFilter. */
    @Bean
    public InternalApiAuthenticator internalApiAuthenticator(InternalApiProperties properties) {
        return new InternalApiAuthenticator(properties.getSecret(), properties.getMaxClockSkew(), Clock.systemUTC());
    }

    /** Redisson's retries from {@link RedisClientProperties}, for whichever server layout the starter configured. */
    @Bean
    public RedissonAutoConfigurationCustomizer redisRetries(RedisClientProperties properties) {
        return config -> {
            BaseConfig<?> servers = config.isClusterConfig() ? config.useClusterServers()
                    : config.isSentinelConfig() ? config.useSentinelServers() : config.useSingleServer();
            servers.setRetryAttempts(properties.getRetryAttempts());
            servers.setRetryInterval(Math.toIntExact(properties.getRetryInterval().toMillis()));
        };
    }

    @Bean
    public RedisLock redisLock(RedissonClient redissonClient, LockProperties lockProperties, EshopMetrics eshopMetrics) {
        return new RedisLock(redissonClient, lockProperties::getWaitTime, eshopMetrics);
    }

    @Bean
    public SentinelRules sentinelRules(Environment environment) {
        return new SentinelRules(environment);
    }

    /**
     * The calls each adaptively limited API admits at once now, for dashboards (0 once a resource loses its target).
     * Takes {@link SentinelRules} so that the limits are loaded first.
     */
    @Bean
    public MeterBinder admissionLimits(SentinelRules sentinelRules) {
        return registry -> AdaptiveLimits.resources().forEach(resource ->
                Gauge.builder(EshopMetrics.ADMISSION_LIMIT, () -> {
                    AdaptiveConcurrencyLimit limit = AdaptiveLimits.of(resource);
                    return limit == null ? 0 : limit.limit();
                }).tag("resource", resource).description("calls admitted at once by the adaptive limit").register(registry));
    }

    @Bean(destroyMethod = "shutdown")
    public TransactionMQProducer transactionMQProducer(MqProperties properties,
                                                       ObjectProvider<TransactionCheckBack> checkBacks,
                                                       CheckBackPolicy checkBackPolicy, RedisLock redisLock,
                                                       FaultSwitches faultSwitches, EshopMetrics eshopMetrics,
                                                       @Value("${spring.application.name}") String applicationName) throws MQClientException {
        String group = properties.getProducerGroup() != null ? properties.getProducerGroup() : applicationName + "_producer_group";
        TransactionMQProducer producer = new TransactionMQProducer(group);
        producer.setNamesrvAddr(properties.getNameServer());
        producer.setInstanceName(group + "@" + ManagementFactory.getRuntimeMXBean().getPid());
        producer.setSendMsgTimeout(properties.getSendTimeoutMs());
        producer.setTransactionListener(new TransactionListenerDispatcher(
                () -> checkBacks.orderedStream().toList(), checkBackPolicy, redisLock, faultSwitches, eshopMetrics,
                properties.getLegacyAttemptIdProperties()));
        producer.setExecutorService(Executors.newFixedThreadPool(Math.max(1, properties.getCheckBackThreads()),
                new CustomizableThreadFactory(group + "-check-back-")));
        producer.start();
        return producer;
    }

    @Bean
    public TransactionCheckReadiness transactionCheckReadiness(TransactionMQProducer transactionMQProducer,
                                                               ObjectProvider<TransactionCheckBack> checkBacks) {
        return new TransactionCheckReadiness(transactionMQProducer, checkBacks);
    }

    @Bean
    public CheckBackPolicy checkBackPolicy(MqProperties properties) {
        return new CheckBackPolicy(properties.getCheckBackRollbackAfter(), System::currentTimeMillis);
    }

    @Bean
    public MqProducer mqProducer(TransactionMQProducer transactionMQProducer, FaultSwitches faultSwitches, MqProperties properties) {
        return new MqProducer(transactionMQProducer, faultSwitches, properties);
    }

    @Bean
    public DeadLetterRedriver deadLetterRedriver(List<MessageHandler> handlers, MqProducer mqProducer, MqProperties properties) {
        return new DeadLetterRedriver(handlers, mqProducer, properties);
    }

    @Bean
    public DeadLetterDepth deadLetterDepth(TransactionMQProducer transactionMQProducer, DeadLetterRedriver deadLetterRedriver,
                                           MqProperties properties, MeterRegistry meterRegistry) {
        DeadLetterDepth depth = new DeadLetterDepth(() -> transactionMQProducer.getDefaultMQProducerImpl().getMqClientFactory(),
                properties.getDlqDepthRefresh(), System::currentTimeMillis);
        depth.register(meterRegistry, deadLetterRedriver.groups());
        return depth;
    }

    @Bean
    public DeadLettersEndpoint deadLettersEndpoint(DeadLetterRedriver deadLetterRedriver) {
        return new DeadLettersEndpoint(deadLetterRedriver);
    }

    @Bean
    public FaultSwitches faultSwitches(FaultProperties properties) {
        return properties.isEnabled() ? new FaultSwitches(true, properties.getRates()) : FaultSwitches.disabled();
    }

    @Bean
    @ConditionalOnProperty(name = "eshop.faults.enabled", havingValue = "true")
    public FaultsEndpoint faultsEndpoint(FaultSwitches faultSwitches) {
        return new FaultsEndpoint(faultSwitches);
    }

    @Bean
    public ConsumeInterceptor consumeInterceptor(FaultSwitches faultSwitches) {
        return faultSwitches.isEnabled() ? new FaultInjectingConsumeInterceptor(faultSwitches) : ConsumeInterceptor.DIRECT;
    }

    @Bean
    public ConsumerContainer consumerContainer(List<MessageHandler> handlers, MqProperties properties, EshopMetrics eshopMetrics,
                                               ConsumeInterceptor consumeInterceptor,
                                               @Value("${spring.application.name}") String applicationName) {
        return new ConsumerContainer(handlers, properties, eshopMetrics, consumeInterceptor, applicationName);
    }
}
