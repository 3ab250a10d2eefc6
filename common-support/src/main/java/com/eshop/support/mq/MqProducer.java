package com.eshop.support.mq;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import com.eshop.support.json.Json;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

import java.util.Map;

/** Sends plain, delayed and transactional messages through the service's one producer. Bodies are JSON. */
@Slf4j
public class MqProducer {
    private final TransactionMQProducer producer;
    private final FaultSwitches faultSwitches;
    private final MqProperties.DelayMode delayMode;
    private final DelayLevels delayLevels;
    private final TransactionAttempts attempts;

    public MqProducer(TransactionMQProducer producer, FaultSwitches faultSwitches, MqProperties properties) {
        this.producer = producer;
        this.faultSwitches = faultSwitches;
        this.delayMode = properties.getDelayMode();
        this.delayLevels = DelayLevels.parse(properties.getDelayLevels());
        this.attempts = new TransactionAttempts(properties.getLegacyAttemptIdProperties());
    }

    public void send(String topic, String keys, Object body) {
        send(message(topic, keys, body, Map.of()));
    }

    /** A dead letter back to its topic, with its keys and user properties (the operator's re-drive). */
    public void redeliver(String topic, MessageExt deadLetter) {
        Message message = new Message(topic, deadLetter.getBody());
        message.setKeys(deadLetter.getKeys());
        deadLetter.getProperties().forEach((name, value) -> {
            if (!MessageConst.STRING_HASH_SET.contains(name)) {
                message.putUserProperty(name, value);
            }
        });
        send(message);
    }

    /**
     * A message held back until {@code deliverAtMillis} ({@link MqProperties#getDelayMode()}): a timer message arrives
     * then; a delay-level message after the longest level within the time left, so maybe early (yet never sooner than
     * the shortest level), and its consumer, finding it early, calls this again with the same time.
     */
    public void sendAt(String topic, String keys, Object body, long deliverAtMillis) {
        Message message = message(topic, keys, body, Map.of());
        switch (delayMode) {
            case TIMER -> message.setDeliverTimeMs(deliverAtMillis);
            case LEVEL -> message.setDelayTimeLevel(delayLevels.levelWithin(deliverAtMillis - System.currentTimeMillis()));
        }
        send(message);
    }

    public LocalTransactionState sendInTransaction(String topic, String keys, Object body, LocalTransaction localTransaction) {
        return sendInTransaction(topic, keys, body, Map.of(), localTransaction);
    }

    /**
     * Half message, then {@code localTransaction} runs on this thread with the attempt id minted for this send
     * ({@link TransactionAttempts}); the topic's {@link TransactionCheckBack} answers the broker if the outcome is not
     * reported.
     * Returns COMMIT_MESSAGE, or UNKNOW when the outcome is left to the broker's check-back; a local transaction
     * that failed is re-thrown (its message is rolled back, or left UNKNOW if the check-back says so).
     */
    public LocalTransactionState sendInTransaction(String topic, String keys, Object body, Map<String, String> properties,
                                                    LocalTransaction localTransaction) {
        TransactionListenerDispatcher.takeLastFailure();
        TransactionListenerDispatcher.takeLostAfterCommit();
        Message message = message(topic, keys, body, properties);
        attempts.mint(message);
        TransactionSendResult result;
        try {
            result = producer.sendMessageInTransaction(message, localTransaction);
        } catch (Exception e) {
            throw new BizException(ErrorCode.SEND_MQ_FAILED, "transactional send to " + topic + " failed: " + e.getMessage());
        }
        RuntimeException failure = TransactionListenerDispatcher.takeLastFailure();
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new BizException(ErrorCode.SEND_MQ_FAILED, "half message " + topic + " " + result.getSendStatus());
        }
        if (failure != null) {
            throw failure;
        }
        if (TransactionListenerDispatcher.takeLostAfterCommit()) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        if (result.getLocalTransactionState() == LocalTransactionState.ROLLBACK_MESSAGE) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "local transaction of " + topic + " rolled back");
        }
        return result.getLocalTransactionState();
    }

    private void send(Message message) {
        if (faultSwitches.shouldInject(FaultPoints.LOST_SEND_PREFIX + message.getTopic())) {
            log.error("fault injection: message {} keys={} lost on its way to the broker", message.getTopic(), message.getKeys());
            return;
        }
        try {
            SendResult result = producer.send(message);
            if (result.getSendStatus() != SendStatus.SEND_OK) {
                throw new BizException(ErrorCode.SEND_MQ_FAILED, message.getTopic() + " " + result.getSendStatus());
            }
            log.debug("sent {} keys={} msgId={}", message.getTopic(), message.getKeys(), result.getMsgId());
        } catch (BizException e) {
            throw e;
        } catch (Exception e) {
            throw new BizException(ErrorCode.SEND_MQ_FAILED, "send to " + message.getTopic() + " failed: " + e.getMessage());
        }
    }

    private static Message message(String topic, String keys, Object body, Map<String, String> properties) {
        Message message = new Message(topic, Json.toBytes(body));
        message.setKeys(keys);
        properties.forEach(message::putUserProperty);
        return message;
    }
}
