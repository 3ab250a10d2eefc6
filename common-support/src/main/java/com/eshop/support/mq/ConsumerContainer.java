package com.eshop.support.mq;

import com.eshop.support.metrics.EshopMetrics;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.context.SmartLifecycle;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one push consumer per {@link MessageHandler} once the context is ready, processes the messages of a
 * batch one by one ({@link MessageByMessageListener}), counts each failure as a retry or a dead letter,
 * and shuts every consumer down if one fails to start (a half-started consumer keeps the JVM alive).
 */
@Slf4j
public class ConsumerContainer implements SmartLifecycle {
    private final List<MessageHandler> handlers;
    private final MqProperties properties;
    private final EshopMetrics metrics;
    private final ConsumeInterceptor interceptor;
    private final String applicationName;
    private final int highestDelayLevel;
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private volatile boolean running;

    public ConsumerContainer(List<MessageHandler> handlers, MqProperties properties, EshopMetrics metrics,
                             ConsumeInterceptor interceptor, String applicationName) {
        this.handlers = handlers;
        this.properties = properties;
        this.metrics = metrics;
        this.interceptor = interceptor;
        this.applicationName = applicationName;
        this.highestDelayLevel = DelayLevels.parse(properties.getDelayLevels()).highestLevel();
    }

    @Override
    public void start() {
        try {
            for (MessageHandler handler : handlers) {
                consumers.add(startConsumer(handler));
            }
            running = true;
        } catch (MQClientException e) {
            stop();
            throw new IllegalStateException("RocketMQ consumer failed to start: " + e.getMessage(), e);
        }
    }

    private DefaultMQPushConsumer startConsumer(MessageHandler handler) throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(handler.consumerGroup());
        consumer.setNamesrvAddr(properties.getNameServer());
        // one client instance for all consumers of this JVM: one route poll, one rebalance loop and one heartbeat
        // instead of one of each per group
        consumer.setInstanceName("consumers@" + applicationName + "@" + ManagementFactory.getRuntimeMXBean().getPid());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setMaxReconsumeTimes(properties.getMaxReconsumeTimes());
        int threads = properties.consumeThreadsOf(handler.consumerGroup());
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(Math.max(threads, properties.getConsumeThreadMax()));
        consumer.setPollNameServerInterval(properties.getPollNameServerIntervalMs());
        consumer.setAwaitTerminationMillisWhenShutdown(properties.getShutdownAwait().toMillis());
        consumer.subscribe(handler.topic(), "*");
        consumer.registerMessageListener(new MessageByMessageListener(handler, interceptor,
                (message, e) -> onFailure(handler, message, e), properties.getRetryDelayLevel(), highestDelayLevel, metrics));
        consumer.start();
        log.info("consumer {} on {} started", handler.consumerGroup(), handler.topic());
        return consumer;
    }

    private void onFailure(MessageHandler handler, MessageExt message, Exception e) {
        if (message.getReconsumeTimes() >= properties.getMaxReconsumeTimes()) {
            metrics.consumed(handler.topic(), handler.consumerGroup(), EshopMetrics.ConsumeOutcome.DEAD_LETTERED);
            log.error("DEAD LETTER: {} keys={} msgId={} failed {} times, moves to %DLQ%{}: {}", handler.topic(),
                    message.getKeys(), message.getMsgId(), message.getReconsumeTimes() + 1, handler.consumerGroup(), e.toString());
        } else {
            metrics.consumed(handler.topic(), handler.consumerGroup(), EshopMetrics.ConsumeOutcome.RETRY);
            log.warn("consume {} keys={} attempt {} failed, retry later: {}", handler.topic(), message.getKeys(),
                    message.getReconsumeTimes() + 1, e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        consumers.forEach(DefaultMQPushConsumer::shutdown);
        consumers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
