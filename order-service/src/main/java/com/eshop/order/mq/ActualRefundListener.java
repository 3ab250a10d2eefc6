package com.eshop.order.mq;

import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.order.application.RefundMoneyService;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Second refund stage: the gateway refund (section 15). */
@Component
@RequiredArgsConstructor
public class ActualRefundListener implements MessageHandler {
    private final RefundMoneyService refundMoneyService;

    @Override
    public String topic() {
        return RocketMqConstant.ACTUAL_REFUND_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.ACTUAL_REFUND_CONSUMER_GROUP;
    }

    /** Its key is the after-sale id. */
    @Override
    public String orderIdOf(MessageExt message) {
        return Json.fromBytes(message.getBody(), ActualRefundMessage.class).getOrderId();
    }

    @Override
    public void handle(MessageExt message) {
        refundMoneyService.refundMoney(Json.fromBytes(message.getBody(), ActualRefundMessage.class));
    }
}
