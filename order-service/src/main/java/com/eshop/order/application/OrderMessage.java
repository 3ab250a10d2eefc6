package com.eshop.order.application;

import java.time.Instant;
import java.util.List;

/**
 * A message of an order found on the broker by key. {@code topic} is the business topic; {@code deadLettered}
 * says it was found on the dead-letter topic of {@code consumerGroup} instead. {@code consumption} holds each
 * consumer group's state of the message as the broker reports it (e.g. {@code release_assets_consumer_group: CONSUMED}).
 */
public record OrderMessage(String topic, String key, String messageId, Instant storedAt, int reconsumeTimes,
                           boolean deadLettered, String consumerGroup, List<String> consumption) {
}
