package com.eshop.order.mq;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.CancelOrderGlobalTransaction;
import com.eshop.order.application.CancelOrderService;
import com.eshop.order.application.OrderLocks;
import com.eshop.support.mq.TransactionCheckBack;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/**
 * RELEASE_ASSETS is delivered iff the cancel global transaction committed (section 17, with the article's ordering
 * fixed). From the message alone: the order id (key) and the cancel attempt (its attempt id).
 */
@Component
@RequiredArgsConstructor
public class ReleaseAssetsCheckBack implements TransactionCheckBack {
    private final CancelOrderService cancelOrderService;

    @Override
    public String topic() {
        return RocketMqConstant.RELEASE_ASSETS_TOPIC;
    }

    @Override
    public String lockKey(MessageExt message) {
        return OrderLocks.cancel(message.getKeys());
    }

    @Override
    public boolean isCommitted(MessageExt message, String attemptId) {
        return cancelOrderService.isCancelCommitted(message.getKeys(), attemptId);
    }

    @Override
    public LocalTransactionState stateOnFailure(RuntimeException failure) {
        return CancelOrderGlobalTransaction.isOutcomeUnknown(failure) ? LocalTransactionState.UNKNOW : LocalTransactionState.ROLLBACK_MESSAGE;
    }
}
