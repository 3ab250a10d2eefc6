package com.eshop.support.metrics;

import com.eshop.support.mq.MessageHandler;
import com.eshop.support.mq.TransactionCheckBack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EagerSeriesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EshopMetrics metrics = new EshopMetrics(registry);

    @Test
    void theSeriesOnlyAFaultCreatesExistAtZeroFromStart() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of(
                "releaseListener", handler("release_topic", "release_group"),
                "releaseCheckBack", checkBack("release_topic")));

        new EagerSeries(metrics, beans.getBeanProvider(MessageHandler.class),
                beans.getBeanProvider(TransactionCheckBack.class), () -> List.of("order:cancel", "order:pay+order:cancel"))
                .afterSingletonsInstantiated();

        assertThat(registry.get(EshopMetrics.DEAD_LETTERS).tag("group", "release_group").counter().count()).isZero();
        assertThat(registry.find(EshopMetrics.CONSUMED).tag("group", "release_group").counters()).hasSize(3);
        assertThat(registry.find(EshopMetrics.CHECK_BACKS).tag("topic", "release_topic").counters())
                .extracting(counter -> counter.getId().getTag("answer")).containsExactlyInAnyOrder("COMMIT", "ROLLBACK", "UNKNOW");
        assertThat(registry.find(EshopMetrics.LOCK_BUSY).counters())
                .extracting(counter -> counter.getId().getTag("lock")).containsExactlyInAnyOrder("order:cancel", "order:pay+order:cancel");
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.measure().iterator().next().getValue()).isZero());
    }

    @Test
    void aServiceWithoutConsumersCheckBacksOrLocksRegistersNothing() {
        StaticListableBeanFactory none = new StaticListableBeanFactory();

        new EagerSeries(metrics, none.getBeanProvider(MessageHandler.class), none.getBeanProvider(TransactionCheckBack.class), List::of)
                .afterSingletonsInstantiated();

        assertThat(registry.getMeters()).isEmpty();
    }

    private static MessageHandler handler(String topic, String group) {
        return new MessageHandler() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String consumerGroup() {
                return group;
            }

            @Override
            public void handle(MessageExt message) {
            }
        };
    }

    private static TransactionCheckBack checkBack(String topic) {
        return new TransactionCheckBack() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String lockKey(MessageExt message) {
                return "lock:" + message.getKeys();
            }

            @Override
            public boolean isCommitted(MessageExt message, String attemptId) {
                return true;
            }
        };
    }
}
