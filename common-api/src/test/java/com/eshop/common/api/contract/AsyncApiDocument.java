package com.eshop.common.api.contract;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.contract.TopicCatalogue.Topic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AsyncAPI 2.6 description of the suite's RocketMQ topics: one channel per topic, whose subscribe operation is
 * what a consumer of it receives; the RocketMQ particulars (delivery, keys, producer, consumer group) under
 * {@code x-rocketmq}, as AsyncAPI has no RocketMQ binding.
 */
final class AsyncApiDocument {
    private static final String MESSAGE_REFERENCE = "#/components/messages/";

    private AsyncApiDocument() {
    }

    static JSONObject generate(List<Topic> topics) {
        JsonSchemas schemas = new JsonSchemas();
        Map<String, JSONObject> messages = new TreeMap<>();
        JSONObject channels = new JSONObject();
        for (Topic topic : topics) {
            String messageName = topic.body().getSimpleName();
            messages.put(messageName, JSONObject.of("name", messageName, "contentType", "application/json",
                    "payload", schemas.reference(topic.body())));
            JSONObject rocketMq = JSONObject.of("delivery", new JSONArray(topic.deliveries().stream().map(Enum::name).toList()),
                    "keys", topic.keys(), "tags", new JSONArray(), "producer", topic.producer(),
                    "consumers", JSONArray.of(JSONObject.of("service", topic.consumer(), "consumerGroup", topic.consumerGroup())));
            channels.put(topic.name(), JSONObject.of("description", topic.description(),
                    "subscribe", JSONObject.of("operationId", "receive_" + topic.name(),
                            "message", JSONObject.of("$ref", MESSAGE_REFERENCE + messageName)),
                    "x-rocketmq", rocketMq));
        }
        JSONObject document = JSONObject.of("asyncapi", "2.6.0", "id", "urn:eshop:order-cancellation-suite:topics",
                "info", info(), "defaultContentType", "application/json", "channels", channels);
        document.put("components", JSONObject.of("messages", new JSONObject(messages), "schemas", schemas.components()));
        return document;
    }

    private static JSONObject info() {
        return JSONObject.of("title", "eshop order-cancellation suite: RocketMQ topics", "version", "1.0.0",
                "description", "The topics the suite's services produce, each with its message body (fastjson2 JSON of a"
                        + " common-api class), how it is sent (x-rocketmq.delivery: NORMAL, TRANSACTIONAL half message"
                        + " committed with the producer's local transaction, DELAYED until a given time), its message keys"
                        + " and consumer groups. No producer sets a tag. Generated from common-api by its tests"
                        + " (docs/api/README.md).");
    }
}
