package com.eshop.support.mq;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.MessageExt;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The one rule every check-back answers by, from durable state only: the local transaction's effect is in the
 * database → COMMIT. Not there yet → UNKNOW while the message is young enough for its local transaction to be still
 * running (or waiting on a lock), ROLLBACK only once it is older than {@code eshop.rocketmq.check-back-rollback-after},
 * which must exceed the longest local transaction. Whether a Redis lock is held decides nothing: a lock can be
 * lost while its holder is still inside the transaction.
 */
public class CheckBackPolicy {
    private final Duration rollbackAfter;
    private final LongSupplier clock;

    public CheckBackPolicy(Duration rollbackAfter, LongSupplier clock) {
        this.rollbackAfter = rollbackAfter;
        this.clock = clock;
    }

    public LocalTransactionState decide(boolean committed, MessageExt message) {
        if (committed) {
            return LocalTransactionState.COMMIT_MESSAGE;
        }
        long age = clock.getAsLong() - message.getBornTimestamp();
        return age < rollbackAfter.toMillis() ? LocalTransactionState.UNKNOW : LocalTransactionState.ROLLBACK_MESSAGE;
    }
}
