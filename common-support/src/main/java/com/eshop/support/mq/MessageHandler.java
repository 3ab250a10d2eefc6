package com.eshop.support.mq;

import org.apache.rocketmq.common.message.MessageExt;

/**
 * One consumer group on one topic. {@link #handle} must be idempotent (lock + state pre-check, with a database
 * uniqueness guard beneath): the broker delivers at least once. Throwing means a retry later; after the
 * configured retries the message goes to the group's dead-letter queue.
 */
public interface MessageHandler {
    String topic();

    String consumerGroup();

    void handle(MessageExt message) throws Exception;

    /** The order the message belongs to, for the log lines of its handling: its keys, which the suite's producers set to the order id. */
    default String orderIdOf(MessageExt message) {
        return message.getKeys();
    }
}
