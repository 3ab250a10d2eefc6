package com.eshop.order.application;

import com.eshop.support.fault.FaultSwitches;
import com.eshop.support.mq.LocalTransaction;
import com.eshop.support.mq.MqProducer;
import com.eshop.support.mq.MqProperties;
import org.apache.rocketmq.client.producer.LocalTransactionState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The producer without a broker: records what is sent; a transactional send runs its local transaction first. */
class RecordingMqProducer extends MqProducer {
    record Sent(String topic, String keys, Object body, Map<String, String> properties, String attemptId, Long deliverAtMillis) {
    }

    final List<Sent> sent = new ArrayList<>();

    RecordingMqProducer() {
        super(null, FaultSwitches.disabled(), new MqProperties());
    }

    @Override
    public void send(String topic, String keys, Object body) {
        sent.add(new Sent(topic, keys, body, Map.of(), null, null));
    }

    @Override
    public void sendAt(String topic, String keys, Object body, long deliverAtMillis) {
        sent.add(new Sent(topic, keys, body, Map.of(), null, deliverAtMillis));
    }

    /** Like the broker: the message exists only if its local transaction committed (with its own attempt id); a failure is re-thrown. */
    @Override
    public LocalTransactionState sendInTransaction(String topic, String keys, Object body, Map<String, String> properties,
                                                   LocalTransaction localTransaction) {
        String attemptId = UUID.randomUUID().toString();
        localTransaction.execute(attemptId);
        sent.add(new Sent(topic, keys, body, properties, attemptId, null));
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    List<Sent> to(String topic) {
        return sent.stream().filter(s -> s.topic().equals(topic)).toList();
    }
}
