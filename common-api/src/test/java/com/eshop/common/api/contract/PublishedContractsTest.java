package com.eshop.common.api.contract;

import com.eshop.common.api.mq.RocketMqConstant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/api says what the code says: the OpenAPI description of the public APIs and the AsyncAPI description of the
 * topics are generated from common-api and compared with the committed files ({@code -Dcontracts.write=true}
 * rewrites them).
 */
class PublishedContractsTest {

    @Test
    void theOpenApiDocumentDescribesThePublicApis() {
        PublishedDocument.OPENAPI.check(OpenApiDocument.generate(OpenApiDocument.publicApis()));
    }

    @Test
    void theAsyncApiDocumentDescribesTheTopics() {
        PublishedDocument.ASYNCAPI.check(AsyncApiDocument.generate(TopicCatalogue.TOPICS));
    }

    @Test
    void everyTopicAndConsumerGroupIsCatalogued() {
        assertThat(TopicCatalogue.TOPICS).extracting(TopicCatalogue.Topic::name)
                .as("a new topic needs its entry in TopicCatalogue").containsExactlyInAnyOrderElementsOf(RocketMqConstant.ALL_TOPICS);
        assertThat(TopicCatalogue.TOPICS).extracting(TopicCatalogue.Topic::consumerGroup)
                .containsExactlyInAnyOrderElementsOf(RocketMqConstant.ALL_CONSUMER_GROUPS);
    }
}
