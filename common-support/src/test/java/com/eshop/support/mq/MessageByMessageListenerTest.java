package com.eshop.support.mq;

import com.eshop.support.logging.OrderMdc;
import com.eshop.support.metrics.EshopMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Regression for the article's PayOrderTimeoutListener, which returned from inside its batch loop (defect 3). */
class MessageByMessageListenerTest {
    private final List<String> handled = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    /** The order id in the MDC while each message was handled or failed. */
    private final List<String> orderIdsInMdc = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MessageByMessageListener listener(String failOn) {
        MessageHandler handler = new MessageHandler() {
            @Override
            public String topic() {
                return "t";
            }

            @Override
            public String consumerGroup() {
                return "g";
            }

            @Override
            public void handle(MessageExt message) {
                orderIdsInMdc.add(MDC.get(OrderMdc.ORDER_ID));
                if (message.getKeys().equals(failOn)) {
                    throw new IllegalStateException("boom");
                }
                handled.add(message.getKeys());
            }
        };
        return new MessageByMessageListener(handler, ConsumeInterceptor.DIRECT, (m, e) -> {
            failed.add(m.getKeys());
            orderIdsInMdc.add(MDC.get(OrderMdc.ORDER_ID));
        }, 1, 18, new EshopMetrics(registry));
    }

    private static List<MessageExt> batch(String... keys) {
        List<MessageExt> messages = new ArrayList<>();
        for (String key : keys) {
            MessageExt message = new MessageExt();
            message.setKeys(key);
            messages.add(message);
        }
        return messages;
    }

    @Test
    void everyMessageOfABatchIsHandled() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));

        ConsumeConcurrentlyStatus status = listener("none").consumeMessage(batch("early", "m2", "m3"), context);

        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(handled).containsExactly("early", "m2", "m3");
        assertThat(consumed("success")).isEqualTo(3);
        assertThat(orderIdsInMdc).containsExactly("early", "m2", "m3");
        assertThat(MDC.get(OrderMdc.ORDER_ID)).isNull();
    }

    @Test
    void aFailureAcknowledgesOnlyWhatWasHandledAndRetriesTheRest() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));

        ConsumeConcurrentlyStatus status = listener("m2").consumeMessage(batch("m1", "m2", "m3"), context);

        // CONSUME_SUCCESS with ack index 0: the client acknowledges m1 and sends m2 and m3 back for a retry
        // (on RECONSUME_LATER it would ignore the ack index and retry m1 as well)
        assertThat(status).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(handled).containsExactly("m1");
        assertThat(failed).containsExactly("m2");
        assertThat(context.getAckIndex()).isZero();
        assertThat(context.getDelayLevelWhenNextConsume()).isEqualTo(1);
        assertThat(consumed("success")).isEqualTo(1);
        // the failure is logged (and counted as a retry or a dead letter) by onFailure, still under the message's order id
        assertThat(orderIdsInMdc).containsExactly("m1", "m2", "m2");
    }

    private double consumed(String outcome) {
        return registry.counter(EshopMetrics.CONSUMED, "topic", "t", "group", "g", "outcome", outcome).count();
    }

    @Test
    void eachRetryOfAMessageWaitsOneDelayLevelLonger() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        List<MessageExt> retried = batch("m2");
        retried.get(0).setReconsumeTimes(4);

        listener("m2").consumeMessage(retried, context);

        assertThat(context.getDelayLevelWhenNextConsume()).isEqualTo(5);
    }

    @Test
    void retriesClimbNoHigherThanTheLastDelayLevel() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        List<MessageExt> retried = batch("m2");
        retried.get(0).setReconsumeTimes(40);

        listener("m2").consumeMessage(retried, context);

        assertThat(context.getDelayLevelWhenNextConsume()).isEqualTo(18);
    }
}
