package com.eshop.support.mq;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * How the broker's check-back of one transactional topic is answered: from the message alone (keys, properties,
 * body), because it may run in another instance or after a restart. The {@link TransactionListenerDispatcher}
 * reads {@link #isCommitted} under {@link #lockKey}, the lock the sender holds while it decides and runs the local
 * transaction, and answers by the one {@link CheckBackPolicy}.
 */
public interface TransactionCheckBack {
    String topic();

    /** The lock the sender of this message holds around its local transaction; while it is taken the answer is UNKNOW. */
    String lockKey(MessageExt message);

    /**
     * Whether the local transaction of the send {@code attemptId} committed its effect (durable state only). Only
     * asked for a message that carries an attempt id.
     */
    boolean isCommitted(MessageExt message, String attemptId);

    /** ROLLBACK by default: the local transaction did not commit. Return UNKNOW when the outcome is not known. */
    default LocalTransactionState stateOnFailure(RuntimeException failure) {
        return LocalTransactionState.ROLLBACK_MESSAGE;
    }
}
