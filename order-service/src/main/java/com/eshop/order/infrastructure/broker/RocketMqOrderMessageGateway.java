package com.eshop.order.infrastructure.broker;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderMessage;
import com.eshop.order.application.OrderMessageGateway;
import com.eshop.support.mq.MqProperties;
import jakarta.annotation.PreDestroy;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.admin.api.MessageTrack;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an order's messages through the broker's admin API: a query by key on each topic of the chain and on its
 * consumer group's dead-letter topic, and the broker's track of each message per consumer group.
 */
@Slf4j
@Component
public class RocketMqOrderMessageGateway implements OrderMessageGateway {
    /** The broker's answer to a key query that found nothing (ResponseCode.NO_MESSAGE). */
    private static final int NO_MESSAGE = 208;
    private static final int TOPIC_NOT_EXIST = 17;

    private final MqProperties mqProperties;
    private DefaultMQAdminExt admin;

    public RocketMqOrderMessageGateway(MqProperties mqProperties) {
        this.mqProperties = mqProperties;
    }

    @Override
    public List<OrderMessage> findMessages(Collection<String> keys, Instant since, int maxPerTopic) {
        DefaultMQAdminExt broker = admin();
        long end = System.currentTimeMillis() + 60_000;
        List<OrderMessage> messages = new ArrayList<>();
        for (int i = 0; i < RocketMqConstant.ALL_TOPICS.size(); i++) {
            String topic = RocketMqConstant.ALL_TOPICS.get(i);
            String group = RocketMqConstant.ALL_CONSUMER_GROUPS.get(i);
            for (String key : keys) {
                for (MessageExt message : query(broker, topic, key, maxPerTopic, since.toEpochMilli(), end)) {
                    messages.add(toOrderMessage(broker, topic, key, message, false, group));
                }
                String deadLetters = MixAll.DLQ_GROUP_TOPIC_PREFIX + group;
                for (MessageExt message : query(broker, deadLetters, key, maxPerTopic, since.toEpochMilli(), end)) {
                    messages.add(toOrderMessage(broker, topic, key, message, true, group));
                }
            }
        }
        return messages;
    }

    @PreDestroy
    synchronized void stop() {
        if (admin != null) {
            admin.shutdown();
        }
    }

    private synchronized DefaultMQAdminExt admin() {
        if (admin == null) {
            DefaultMQAdminExt started = new DefaultMQAdminExt();
            started.setNamesrvAddr(mqProperties.getNameServer());
            started.setInstanceName("order-timeline-admin@" + ManagementFactory.getRuntimeMXBean().getPid());
            try {
                started.start();
            } catch (MQClientException e) {
                throw new IllegalStateException("broker admin not started: " + e.getMessage(), e);
            }
            admin = started;
        }
        return admin;
    }

    /**
     * The distinct messages with exactly this key (the broker's index is a hash: it may return other keys). A
     * transactional message checked back twice can be stored twice with one id; it counts once.
     */
    private static List<MessageExt> query(DefaultMQAdminExt broker, String topic, String key, int max, long begin, long end) {
        try {
            QueryResult result = broker.queryMessage(topic, key, max, begin, end);
            Map<String, MessageExt> distinct = new LinkedHashMap<>();
            result.getMessageList().stream()
                    .filter(m -> m.getKeys() != null && List.of(m.getKeys().split(MessageConst.KEY_SEPARATOR)).contains(key))
                    .forEach(m -> distinct.putIfAbsent(Optional.ofNullable(MessageClientIDSetter.getUniqID(m)).orElse(m.getMsgId()), m));
            return distinct.values().stream().limit(max).toList();
        } catch (MQClientException e) {
            if (e.getResponseCode() == NO_MESSAGE || e.getResponseCode() == TOPIC_NOT_EXIST || isNothingFound(e)) {
                return List.of();
            }
            throw new IllegalStateException("broker query of " + topic + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while querying the broker", e);
        }
    }

    /** A dead-letter topic exists only once its group dead-lettered a message; before, its route is unknown. */
    private static boolean isNothingFound(MQClientException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("query message by key finished") || message.contains("No topic route info")
                || message.contains("topic route info not found");
    }

    private static OrderMessage toOrderMessage(DefaultMQAdminExt broker, String topic, String key, MessageExt message,
                                               boolean deadLettered, String group) {
        String id = Optional.ofNullable(MessageClientIDSetter.getUniqID(message)).orElse(message.getMsgId());
        return new OrderMessage(topic, key, id, Instant.ofEpochMilli(message.getStoreTimestamp()), message.getReconsumeTimes(),
                deadLettered, group, deadLettered ? List.of() : consumption(broker, message));
    }

    /**
     * The state of the message in each of the chain's consumer groups; empty when the broker cannot tell (the message
     * still shows). The broker's track also lists pseudo-groups (e.g. one named after the topic, without a retry
     * topic), which only say UNKNOWN: left out.
     */
    private static List<String> consumption(DefaultMQAdminExt broker, MessageExt message) {
        try {
            return broker.messageTrackDetail(message).stream()
                    .filter(track -> RocketMqConstant.ALL_CONSUMER_GROUPS.contains(track.getConsumerGroup()))
                    .map(RocketMqOrderMessageGateway::describe).toList();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.info("order timeline: no consume track of message {}: {}", message.getMsgId(), e.toString());
            return List.of();
        }
    }

    private static String describe(MessageTrack track) {
        return track.getConsumerGroup() + ": " + track.getTrackType()
                + (track.getExceptionDesc() == null ? "" : " (" + track.getExceptionDesc() + ")");
    }
}
