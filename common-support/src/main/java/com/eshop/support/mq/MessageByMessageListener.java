package com.eshop.support.mq;

import com.eshop.support.logging.OrderMdc;
import com.eshop.support.metrics.EshopMetrics;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Handles every message of a delivered batch in turn. The first failure acknowledges only the messages before it:
 * the answer is CONSUME_SUCCESS with the ack index just before the failed message, and the RocketMQ client sends
 * that message and every later one of the batch back for a retry (with the delay level set here). RECONSUME_LATER
 * would not do: the client ignores the ack index then and retries the whole batch. Nothing is acknowledged
 * unprocessed (the article returned from inside its loop and acknowledged the rest of the batch).
 * Each message is handled with its order id in the MDC and counted when it succeeds (failures: {@code onFailure}).
 */
class MessageByMessageListener implements MessageListenerConcurrently {
    private final MessageHandler handler;
    private final ConsumeInterceptor interceptor;
    private final BiConsumer<MessageExt, Exception> onFailure;
    private final EshopMetrics metrics;
    private final int retryDelayLevel;
    private final int highestDelayLevel;

    MessageByMessageListener(MessageHandler handler, ConsumeInterceptor interceptor, BiConsumer<MessageExt, Exception> onFailure,
                             int retryDelayLevel, int highestDelayLevel, EshopMetrics metrics) {
        this.handler = handler;
        this.interceptor = interceptor;
        this.onFailure = onFailure;
        this.metrics = metrics;
        this.retryDelayLevel = retryDelayLevel;
        this.highestDelayLevel = highestDelayLevel;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (int i = 0; i < messages.size(); i++) {
            MessageExt message = messages.get(i);
            try (OrderMdc.Scope ignored = OrderMdc.put(orderIdOf(message))) {
                if (!consume(message)) {
                    context.setAckIndex(i - 1);
                    if (retryDelayLevel > 0) {
                        // like the broker's own schedule, each retry waits one level longer, so the retries of a
                        // message outlast an outage of a dependency instead of all failing within seconds
                        context.setDelayLevelWhenNextConsume(Math.min(highestDelayLevel, retryDelayLevel + message.getReconsumeTimes()));
                    }
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /** A body the handler cannot read fails in the handler, where it is retried and counted, not here. */
    private String orderIdOf(MessageExt message) {
        try {
            return handler.orderIdOf(message);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean consume(MessageExt message) {
        try {
            interceptor.consume(handler, message);
            metrics.consumed(handler.topic(), handler.consumerGroup(), EshopMetrics.ConsumeOutcome.SUCCESS);
            return true;
        } catch (Exception e) {
            onFailure.accept(message, e);
            return false;
        }
    }
}
