package com.eshop.support.mq;

import com.eshop.support.fault.FaultSwitches;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class MqProducerTest {
    private final TransactionMQProducer broker = mock(TransactionMQProducer.class);

    @Test
    void timerModeSendsATimerMessageDueAtTheTime() throws Exception {
        long deliverAt = System.currentTimeMillis() + 15_500;

        Message sent = sendAt(MqProperties.DelayMode.TIMER, deliverAt);

        assertThat(sent.getDeliverTimeMs()).isEqualTo(deliverAt);
        assertThat(sent.getDelayTimeLevel()).isZero();
    }

    @Test
    void levelModeSendsTheLongestLevelWithinTheRemainingTimeAndNoTimer() throws Exception {
        // 25 min: the 20 min level, with minutes to spare however slowly the test runs
        Message sent = sendAt(MqProperties.DelayMode.LEVEL, System.currentTimeMillis() + Duration.ofMinutes(25).toMillis());

        assertThat(sent.getDelayTimeLevel()).isEqualTo(15);
        assertThat(sent.getProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS)).isNull();
    }

    @Test
    void levelModeSendsAnOverdueMessageWithTheShortestLevel() throws Exception {
        Message sent = sendAt(MqProperties.DelayMode.LEVEL, System.currentTimeMillis() - 60_000);

        assertThat(sent.getDelayTimeLevel()).isEqualTo(1);
    }

    private Message sendAt(MqProperties.DelayMode mode, long deliverAtMillis) throws Exception {
        SendResult ok = new SendResult();
        ok.setSendStatus(SendStatus.SEND_OK);
        when(broker.send(any(Message.class))).thenReturn(ok);
        MqProperties properties = new MqProperties();
        properties.setDelayMode(mode);

        new MqProducer(broker, FaultSwitches.disabled(), properties).sendAt("topic", "key", "body", deliverAtMillis);

        ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
        verify(broker).send(sent.capture());
        return sent.getValue();
    }
}
