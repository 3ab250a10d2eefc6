package com.eshop.order.mq;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.AfterSaleManager;
import com.eshop.order.application.OrderAfterSaleService;
import com.eshop.support.mq.CheckBackPolicy;
import com.eshop.support.mq.LocalTransactionHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** refundMoney on the last item: the coupon release is delivered iff the after-sale moved to REFUNDING. */
@Component
@RequiredArgsConstructor
public class RefundReleaseCouponTransaction implements LocalTransactionHandler {
    private final AfterSaleManager afterSaleManager;
    private final CheckBackPolicy checkBackPolicy;

    @Override
    public String topic() {
        return RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        afterSaleManager.markRefunding((String) arg);
        return LocalTransactionState.COMMIT_MESSAGE;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        String afterSaleId = message.getUserProperty(OrderAfterSaleService.AFTER_SALE_ID);
        return checkBackPolicy.decide(afterSaleManager.isRefundExecuted(afterSaleId), message);
    }
}
