package com.eshop.order.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The broker's record of an order's messages. A failure (broker unreachable) is thrown. */
public interface OrderMessageGateway {
    /**
     * The messages stored since {@code since} under any of {@code keys} on every topic of the chain and its
     * consumer group's dead-letter topic, at most {@code maxPerTopic} per topic, each with its consumption state.
     */
    List<OrderMessage> findMessages(Collection<String> keys, Instant since, int maxPerTopic);
}
