package com.eshop.support.mq;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MqPropertiesTest {

    @Test
    void aGroupWithItsOwnThreadCountGetsIt() {
        MqProperties properties = new MqProperties();
        properties.setConsumeThreads(Map.of("paid_order_success_consumer_group", 16));

        assertThat(properties.consumeThreadsOf("paid_order_success_consumer_group")).isEqualTo(16);
    }

    @Test
    void everyOtherGroupGetsTheCommonMinimum() {
        MqProperties properties = new MqProperties();
        properties.setConsumeThreadMin(3);
        properties.setConsumeThreads(Map.of("paid_order_success_consumer_group", 16));

        assertThat(properties.consumeThreadsOf("release_assets_consumer_group")).isEqualTo(3);
    }
}
