package com.eshop.support.mq;

import com.eshop.support.metrics.EshopMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQAdminImpl;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DeadLetterDepthTest {
    private static final MessageQueue DLQ = new MessageQueue("%DLQ%g", "broker-a", 0);

    private final MQClientInstance client = mock(MQClientInstance.class);
    private final MQAdminImpl admin = mock(MQAdminImpl.class);
    private final MQClientAPIImpl api = mock(MQClientAPIImpl.class);
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void broker() throws Exception {
        when(client.getMQAdminImpl()).thenReturn(admin);
        when(client.getMQClientAPIImpl()).thenReturn(api);
        when(client.findBrokerAddressInPublish("broker-a")).thenReturn("127.0.0.1:10911");
        when(admin.fetchSubscribeMessageQueues("%DLQ%g")).thenReturn(Set.of(DLQ));
        when(admin.minOffset(DLQ)).thenReturn(2L);
        when(admin.maxOffset(DLQ)).thenReturn(10L);
        new DeadLetterDepth(() -> client, Duration.ofSeconds(30), now::get).register(registry, List.of("g"));
    }

    private double depth() {
        return registry.get(EshopMetrics.DLQ_DEPTH).tag("group", "g").gauge().value();
    }

    @Test
    void theDepthIsWhatTheRedriverHasNotCommittedYet() throws Exception {
        when(api.queryConsumerOffset(eq("127.0.0.1:10911"), any(), anyLong())).thenReturn(7L);

        assertThat(depth()).isEqualTo(3);
    }

    @Test
    void beforeAFirstRedriveEveryStoredDeadLetterCounts() throws Exception {
        when(api.queryConsumerOffset(any(), any(), anyLong())).thenThrow(new MQBrokerException(ResponseCode.QUERY_NOT_FOUND, "not found"));

        assertThat(depth()).isEqualTo(8);
    }

    @Test
    void aGroupWithoutDeadLettersHasNoDlqTopicAndDepthZero() throws Exception {
        when(admin.fetchSubscribeMessageQueues("%DLQ%g")).thenThrow(new MQClientException("Can not find Message Queue for this topic", null));

        assertThat(depth()).isZero();
    }

    @Test
    void aReadingIsReusedUntilTheRefreshAndAnUnreachableBrokerIsNaN() throws Exception {
        when(api.queryConsumerOffset(any(), any(), anyLong())).thenReturn(7L);
        assertThat(depth()).isEqualTo(3);

        when(api.queryConsumerOffset(any(), any(), anyLong())).thenThrow(new RemotingConnectException("127.0.0.1:10911"));
        assertThat(depth()).isEqualTo(3);

        now.addAndGet(Duration.ofSeconds(30).toMillis());
        assertThat(depth()).isNaN();
    }
}
