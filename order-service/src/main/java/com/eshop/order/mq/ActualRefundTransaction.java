package com.eshop.order.mq;

import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.AfterSaleManager;
import com.eshop.order.application.OrderAfterSaleService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.CheckBackPolicy;
import com.eshop.support.mq.LocalTransactionHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** ACTUAL_REFUND is delivered iff the after-sale records were written (section 19). */
@Component
@RequiredArgsConstructor
public class ActualRefundTransaction implements LocalTransactionHandler {
    private final AfterSaleManager afterSaleManager;
    private final CheckBackPolicy checkBackPolicy;

    @Override
    public String topic() {
        return RocketMqConstant.ACTUAL_REFUND_TOPIC;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        OrderAfterSaleService.AfterSaleDraft draft = (OrderAfterSaleService.AfterSaleDraft) arg;
        afterSaleManager.insertCancelOrderAfterSale(draft.request(), draft.afterSaleId(), draft.refundAmount());
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    /** COMMIT when the records exist (the article committed when they were missing). */
    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        ActualRefundMessage body = Json.fromBytes(message.getBody(), ActualRefundMessage.class);
        return checkBackPolicy.decide(afterSaleManager.afterSaleRecordsExist(body.getAfterSaleId()), message);
    }
}
