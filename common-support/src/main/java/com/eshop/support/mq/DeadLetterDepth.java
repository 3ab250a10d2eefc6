package com.eshop.support.mq;

import com.eshop.support.metrics.EshopMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The gauge {@link EshopMetrics#DLQ_DEPTH}: per consumer group, the dead letters in {@code %DLQ%<group>} that
 * {@link DeadLetterRedriver} has not re-driven yet (each queue's max offset minus what the redriver's group has
 * committed, or minus its min offset before a first re-drive). Read through the producer's client connection, which
 * joins no consumer group (a reader in the redriver's group would take part in its rebalancing), lazily when
 * scraped and at most once per {@code eshop.rocketmq.dlq-depth-refresh} and group; NaN while the broker cannot answer.
 */
@Slf4j
public class DeadLetterDepth {
    private static final long BROKER_TIMEOUT_MS = 3_000;

    private final Supplier<MQClientInstance> client;
    private final Duration refresh;
    private final LongSupplier clock;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();

    private record Reading(double depth, long atMillis) {
    }

    public DeadLetterDepth(Supplier<MQClientInstance> client, Duration refresh, LongSupplier clock) {
        this.client = client;
        this.refresh = refresh;
        this.clock = clock;
    }

    public void register(MeterRegistry registry, Collection<String> groups) {
        for (String group : groups) {
            // strong: Micrometer holds a gauge's object weakly, and a collected one reads NaN
            Gauge.builder(EshopMetrics.DLQ_DEPTH, this, depth -> depth.depth(group)).tag("group", group).strongReference(true)
                    .description("dead letters of the group not re-driven yet").register(registry);
        }
    }

    synchronized double depth(String group) {
        Reading last = readings.get(group);
        long now = clock.getAsLong();
        if (last != null && now - last.atMillis() < refresh.toMillis()) {
            return last.depth();
        }
        double depth;
        try {
            depth = read(group);
        } catch (MQClientException | MQBrokerException | RemotingException e) {
            log.debug("dead-letter depth of {} not readable: {}", group, e.toString());
            depth = Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            depth = Double.NaN;
        }
        readings.put(group, new Reading(depth, now));
        return depth;
    }

    private long read(String group) throws MQClientException, MQBrokerException,
            RemotingException, InterruptedException {
        String topic = MixAll.getDLQTopic(group);
        MQClientInstance instance = client.get();
        Set<MessageQueue> queues;
        try {
            queues = instance.getMQAdminImpl().fetchSubscribeMessageQueues(topic);
        } catch (MQClientException e) {
            if (isAbsentTopic(e)) {
                return 0; // the broker creates the DLQ with its first dead letter
            }
            throw e;
        }
        long depth = 0;
        for (MessageQueue queue : queues) {
            long max = instance.getMQAdminImpl().maxOffset(queue);
            long from = Math.max(instance.getMQAdminImpl().minOffset(queue), committed(instance, group, queue));
            depth += Math.max(0, max - from);
        }
        return depth;
    }

    /** The redriver's progress on this queue; -1 before its first re-drive. */
    private static long committed(MQClientInstance instance, String group, MessageQueue queue) throws MQBrokerException,
            RemotingException, InterruptedException {
        String broker = instance.findBrokerAddressInPublish(queue.getBrokerName());
        if (broker == null) {
            instance.updateTopicRouteInfoFromNameServer(queue.getTopic());
            broker = instance.findBrokerAddressInPublish(queue.getBrokerName());
        }
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(DeadLetterRedriver.redriveGroup(group));
        header.setTopic(queue.getTopic());
        header.setQueueId(queue.getQueueId());
        header.setBrokerName(queue.getBrokerName());
        header.setSetZeroIfNotFound(false);
        try {
            return instance.getMQClientAPIImpl().queryConsumerOffset(broker, header, BROKER_TIMEOUT_MS);
        } catch (MQBrokerException e) {
            if (e.getResponseCode() == ResponseCode.QUERY_NOT_FOUND) {
                return -1;
            }
            throw e;
        }
    }

    private static boolean isAbsentTopic(MQClientException e) {
        String message = String.valueOf(e.getMessage());
        return e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST || message.contains("Can not find Message Queue")
                || message.contains("No route info");
    }
}
