package com.eshop.order.mq;

import com.eshop.common.api.mq.RefundCompletedMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.CompleteRefundService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** The gateway's refund notification: the last step of the refund (section 15). */
@Component
@RequiredArgsConstructor
public class RefundCompletedListener implements MessageHandler {
    private final CompleteRefundService completeRefundService;

    @Override
    public String topic() {
        return RocketMqConstant.REFUND_COMPLETED_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.REFUND_COMPLETED_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        completeRefundService.completeRefund(Json.fromBytes(message.getBody(), RefundCompletedMessage.class));
    }
}
