package com.eshop.support.mq;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The local transaction bound to one transactional topic. Registered once; the producer's single
 * {@link TransactionListenerDispatcher} routes each message to its handler, so concurrent requests never run
 * each other's transactions. {@link #checkLocalTransaction} must decide from the message alone (keys,
 * properties, body) because it may run in another instance or after a restart.
 */
public interface LocalTransactionHandler {
    String topic();

    /** Runs the local transaction; a thrown exception is answered by {@link #stateOnFailure} and re-thrown to the sender. */
    LocalTransactionState executeLocalTransaction(Message message, Object arg);

    /** ROLLBACK by default: the local transaction did not commit. Return UNKNOW when the outcome is not known. */
    default LocalTransactionState stateOnFailure(RuntimeException failure) {
        return LocalTransactionState.ROLLBACK_MESSAGE;
    }

    LocalTransactionState checkLocalTransaction(MessageExt message);
}
