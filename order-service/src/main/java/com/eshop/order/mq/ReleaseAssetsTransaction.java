package com.eshop.order.mq;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.AfterSaleManager;
import com.eshop.order.application.CancelOrderAssembleRequest;
import com.eshop.support.mq.CheckBackPolicy;
import com.eshop.support.mq.LocalTransactionHandler;
import io.seata.core.exception.TransactionException;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/**
 * RELEASE_ASSETS is delivered iff the cancel global transaction committed (section 17, with the article's
 * ordering fixed: the global transaction runs inside the local-transaction callback and COMMIT follows the
 * global commit).
 */
@Component
@RequiredArgsConstructor
public class ReleaseAssetsTransaction implements LocalTransactionHandler {
    private final AfterSaleManager afterSaleManager;
    private final CheckBackPolicy checkBackPolicy;

    @Override
    public String topic() {
        return RocketMqConstant.RELEASE_ASSETS_TOPIC;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        afterSaleManager.cancelOrderFulfillmentAndUpdateOrderStatus((CancelOrderAssembleRequest) arg);
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    /** A failed commit with the coordinator leaves the outcome open: the check-back reads it later. */
    @Override
    public LocalTransactionState stateOnFailure(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransactionException) {
                return LocalTransactionState.UNKNOW;
            }
        }
        return LocalTransactionState.ROLLBACK_MESSAGE;
    }

    /**
     * From the message alone: the order id (key) and the cancel attempt (property). While a cancel of the order
     * is in flight (CANCEL_KEY held) the answer is UNKNOW; otherwise the globally committed state decides.
     */
    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String cancelRequestId = message.getUserProperty(CancelOrderAssembleRequest.CANCEL_REQUEST_ID);
        return checkBackPolicy.decide(afterSaleManager.isCancelCommitted(message.getKeys(), cancelRequestId), message);
    }
}
