package com.eshop.support.mq;

/**
 * The local transaction of one transactional message, passed with it to {@link MqProducer#sendInTransaction}: the
 * producer runs it on the sender's thread between the half message and its commit. It commits its effect, recorded
 * with {@code attemptId} where the message's {@link TransactionCheckBack} will look for it, or throws.
 */
@FunctionalInterface
public interface LocalTransaction {
    void execute(String attemptId);
}
