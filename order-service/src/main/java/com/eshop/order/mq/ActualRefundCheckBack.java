package com.eshop.order.mq;

import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderLocks;
import com.eshop.order.application.PrepareRefundService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.TransactionCheckBack;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** ACTUAL_REFUND is delivered iff the after-sale records were written (section 19). */
@Component
@RequiredArgsConstructor
public class ActualRefundCheckBack implements TransactionCheckBack {
    private final PrepareRefundService prepareRefundService;

    @Override
    public String topic() {
        return RocketMqConstant.ACTUAL_REFUND_TOPIC;
    }

    @Override
    public String lockKey(MessageExt message) {
        return OrderLocks.refundRequest(body(message).getOrderId());
    }

    /** COMMIT when the records exist (the article committed when they were missing). */
    @Override
    public boolean isCommitted(MessageExt message, String attemptId) {
        return prepareRefundService.isAfterSaleWrittenBy(body(message).getAfterSaleId(), attemptId);
    }

    private static ActualRefundMessage body(MessageExt message) {
        return Json.fromBytes(message.getBody(), ActualRefundMessage.class);
    }
}
