package com.eshop.order.mq;

import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderLocks;
import com.eshop.order.application.PayCallbackService;
import com.eshop.support.mq.TransactionCheckBack;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** PAID_ORDER_SUCCESS is delivered iff its pay attempt's CREATED -> PAID committed; the order id is the key. */
@Component
@RequiredArgsConstructor
public class PaidOrderSuccessCheckBack implements TransactionCheckBack {
    private final PayCallbackService payCallbackService;

    @Override
    public String topic() {
        return RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC;
    }

    @Override
    public String lockKey(MessageExt message) {
        return OrderLocks.pay(message.getKeys());
    }

    @Override
    public boolean isCommitted(MessageExt message, String attemptId) {
        return payCallbackService.isPaymentAccepted(message.getKeys(), attemptId);
    }
}
