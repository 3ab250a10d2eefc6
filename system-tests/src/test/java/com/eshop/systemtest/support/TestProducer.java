package com.eshop.systemtest.support;

import com.alibaba.fastjson2.JSON;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** Sends a message as a redelivering broker or a misbehaving producer would: for duplicate and early-delivery tests. */
public final class TestProducer {
    private static DefaultMQProducer producer;

    private TestProducer() {
    }

    public static synchronized void send(String topic, String keys, Object body) {
        try {
            if (producer == null) {
                producer = new DefaultMQProducer("system_tests_producer_group");
                producer.setNamesrvAddr(Suite.stack().nameServerAddress());
                producer.setInstanceName("system-tests-producer");
                producer.start();
                Runtime.getRuntime().addShutdownHook(new Thread(producer::shutdown));
            }
            Message message = new Message(topic, JSON.toJSONBytes(body));
            message.setKeys(keys);
            if (producer.send(message).getSendStatus() != SendStatus.SEND_OK) {
                throw new IllegalStateException("send to " + topic + " not OK");
            }
        } catch (MQClientException | org.apache.rocketmq.remoting.exception.RemotingException | org.apache.rocketmq.client.exception.MQBrokerException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
