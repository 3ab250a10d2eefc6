package com.eshop.consistency;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads what the broker delivered: every message stored on a topic (queue by queue, from the min to the max
 * offset, with a pull consumer that commits nothing), indexed by key. A committed transactional message is on its
 * topic; a half or rolled-back one is not. Reading whole topics costs one pass per topic instead of one index
 * lookup per key, so 5000 orders take seconds.
 */
final class BrokerView implements AutoCloseable {
    private static final AtomicLong INSTANCES = new AtomicLong();
    /** Read-only group: it never commits an offset, so it disturbs no real consumer group. */
    static final String READER_GROUP = "consistency_checker_reader";

    /** A stored message, reduced to what a report needs. */
    record StoredMessage(String topic, String msgId, String keys, int queueId, long queueOffset, long storeTimestamp,
                         int reconsumeTimes, String originalTopic, String bodyHead) {
        Map<String, Object> evidence() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("topic", topic);
            m.put("msgId", msgId);
            m.put("keys", keys);
            m.put("queue", queueId + "@" + queueOffset);
            m.put("stored", java.time.Instant.ofEpochMilli(storeTimestamp).toString());
            if (originalTopic != null) {
                m.put("retryTopic", originalTopic);
            }
            if (reconsumeTimes > 0) {
                m.put("reconsumeTimes", reconsumeTimes);
            }
            m.put("body", bodyHead);
            return m;
        }
    }

    private final DefaultMQPullConsumer consumer;

    BrokerView(String nameServer) {
        consumer = new DefaultMQPullConsumer(READER_GROUP);
        consumer.setNamesrvAddr(nameServer);
        consumer.setInstanceName("consistency-checker-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet());
        consumer.setPollNameServerInterval(1000);
        try {
            consumer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the broker reader on " + nameServer + ": " + e.getMessage(), e);
        }
    }

    /** Every message stored on {@code topic}; an absent topic (e.g. a DLQ nothing went to) is empty. */
    List<StoredMessage> readAll(String topic) {
        Set<MessageQueue> queues;
        try {
            queues = consumer.fetchSubscribeMessageQueues(topic);
        } catch (MQClientException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Can not find Message Queue") || m.contains("No route info") || m.contains("TOPIC_NOT_EXIST")
                    || e.getResponseCode() == 17) {
                return List.of();
            }
            throw new IllegalStateException("route of " + topic + ": " + m, e);
        }
        List<StoredMessage> out = new ArrayList<>();
        for (MessageQueue mq : queues) {
            try {
                long offset = consumer.minOffset(mq);
                long max = consumer.maxOffset(mq);
                while (offset < max) {
                    PullResult r = consumer.pull(mq, "*", offset, 32, 10_000);
                    if (r.getPullStatus() == org.apache.rocketmq.client.consumer.PullStatus.FOUND) {
                        for (MessageExt m : r.getMsgFoundList()) {
                            out.add(stored(m));
                        }
                    }
                    if (r.getNextBeginOffset() <= offset) {
                        break; // no progress: nothing more to read
                    }
                    offset = r.getNextBeginOffset();
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("reading " + mq + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Messages of {@code topic} by each of their keys, one entry per logical message: a message the broker stored twice
     * under the same message id (the producer's COMMIT and a check-back's COMMIT of one half message crossing: RocketMQ
     * transactional messages are at-least-once) is one message, counted in {@link #duplicateStores()}.
     */
    Map<String, List<StoredMessage>> byKey(String topic) {
        Map<String, List<StoredMessage>> index = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (StoredMessage m : readAll(topic)) {
            if (!seen.add(m.msgId())) {
                duplicates.add(m);
                continue;
            }
            for (String key : keys(m)) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        return index;
    }

    private final List<StoredMessage> duplicates = new ArrayList<>();

    /** Extra stores of an already seen message id, found by {@link #byKey}. */
    List<StoredMessage> duplicateStores() {
        return duplicates;
    }

    static List<String> keys(StoredMessage m) {
        if (m.keys() == null || m.keys().isBlank()) {
            return List.of();
        }
        return List.of(m.keys().trim().split("\\s+"));
    }

    private static StoredMessage stored(MessageExt m) {
        byte[] body = m.getBody() == null ? new byte[0] : m.getBody();
        String head = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
        // the producer-assigned id, identical in both stores of one half message (the offset id is not)
        String uniqueId = MessageClientIDSetter.getUniqID(m);
        return new StoredMessage(m.getTopic(), uniqueId != null ? uniqueId : m.getMsgId(), m.getKeys(), m.getQueueId(), m.getQueueOffset(),
                m.getStoreTimestamp(), m.getReconsumeTimes(), m.getProperty("RETRY_TOPIC"), head);
    }

    @Override
    public void close() {
        consumer.shutdown();
    }
}
