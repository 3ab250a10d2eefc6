package com.eshop.support.mq;

import org.apache.rocketmq.common.message.Message;

import java.util.List;
import java.util.UUID;

/**
 * The attempt id of a transactional message: minted per send, written as the message property {@link #PROPERTY},
 * handed to the {@link LocalTransaction}, which stores it with its effect, and to the {@link TransactionCheckBack},
 * which looks for it. A redelivered request that sends again leaves the earlier attempt's half message behind; its
 * check-back must find that attempt's own write, not the one a later attempt made.
 * <p>
 * Rolling deploy: senders before this class stored the same id, in the same columns, under one property per topic
 * ({@code eshop.rocketmq.legacy-attempt-id-properties}). The id of a message is read from {@link #PROPERTY}, else from
 * the first legacy property it has, so a half message of an old instance is answered by a new one; and every new
 * message carries its id under the legacy names too, so an old instance still running answers a new one. Once no
 * instance older than this is left and the broker has decided their half messages (transactionCheckMax rounds), the
 * list is set empty.
 */
final class TransactionAttempts {
    static final String PROPERTY = "txAttemptId";

    private final List<String> legacyProperties;

    TransactionAttempts(List<String> legacyProperties) {
        this.legacyProperties = List.copyOf(legacyProperties);
    }

    /** Mints this send's attempt id and writes it into the message. */
    String mint(Message message) {
        String attemptId = UUID.randomUUID().toString();
        message.putUserProperty(PROPERTY, attemptId);
        legacyProperties.forEach(name -> message.putUserProperty(name, attemptId));
        return attemptId;
    }

    /** The message's attempt id; null for a message not sent by {@link MqProducer#sendInTransaction}. */
    String idOf(Message message) {
        String attemptId = message.getUserProperty(PROPERTY);
        for (int i = 0; attemptId == null && i < legacyProperties.size(); i++) {
            attemptId = message.getUserProperty(legacyProperties.get(i));
        }
        return attemptId;
    }
}
