package com.eshop.support.mq;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageExt;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-drives the dead letters of one of this service's consumer groups: every message of {@code %DLQ%<group>} not
 * re-driven before goes back to the group's topic, where the (idempotent) consumer handles it again. Progress is
 * kept as the offsets of a consumer group of its own ({@code eshop_dlq_redrive_<group>}), so a message is re-driven
 * once however often an operator asks. Bounded by {@code eshop.rocketmq.dlq-redrive-max} messages per call.
 */
@Slf4j
public class DeadLetterRedriver {
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, MessageHandler> handlersByGroup;
    private final MqProducer mqProducer;
    private final MqProperties properties;

    public DeadLetterRedriver(List<MessageHandler> handlers, MqProducer mqProducer, MqProperties properties) {
        this.handlersByGroup = handlers.stream().collect(Collectors.toMap(MessageHandler::consumerGroup, Function.identity()));
        this.mqProducer = mqProducer;
        this.properties = properties;
    }

    public record Redrive(String group, String topic, int redriven) {
    }

    /** The consumer group whose offsets on {@code %DLQ%<group>} are the re-drive's progress. */
    static String redriveGroup(String group) {
        return "eshop_dlq_redrive_" + group;
    }

    public List<String> groups() {
        return handlersByGroup.keySet().stream().sorted().toList();
    }

    /** Empty when this service consumes no such group. */
    public synchronized Optional<Redrive> redrive(String group) {
        MessageHandler handler = handlersByGroup.get(group);
        if (handler == null) {
            return Optional.empty();
        }
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(redriveGroup(group));
        consumer.setNamesrvAddr(properties.getNameServer());
        consumer.setInstanceName("dlq-redrive-" + group + "@" + ManagementFactory.getRuntimeMXBean().getPid());
        consumer.setAutoCommit(true);
        consumer.setPollTimeoutMillis(POLL_TIMEOUT.toMillis());
        int redriven = 0;
        try {
            consumer.subscribe(MixAll.DLQ_GROUP_TOPIC_PREFIX + group, "*");
            consumer.start();
            int emptyPolls = 0;
            while (redriven < properties.getDlqRedriveMax() && emptyPolls < 2) {
                List<MessageExt> batch = consumer.poll();
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                for (MessageExt message : batch) {
                    mqProducer.redeliver(handler.topic(), message);
                    redriven++;
                }
            }
            consumer.commitSync();
        } catch (MQClientException e) {
            throw new BizException(ErrorCode.SEND_MQ_FAILED, "dead letters of " + group + " not readable: " + e.getMessage());
        } finally {
            consumer.shutdown();
        }
        log.warn("re-drove {} dead letter(s) of {} to {}", redriven, group, handler.topic());
        return Optional.of(new Redrive(group, handler.topic(), redriven));
    }
}
