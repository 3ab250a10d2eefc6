package com.eshop.order.mq;

import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.PayOrderTimeoutService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Pay-timeout message, due at the order's expire time (section 5). Each message of a batch is handled on its own. */
@Component
@RequiredArgsConstructor
public class PayOrderTimeoutListener implements MessageHandler {
    private final PayOrderTimeoutService payOrderTimeoutService;

    @Override
    public String topic() {
        return RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        payOrderTimeoutService.handlePayTimeout(Json.fromBytes(message.getBody(), PayOrderTimeoutDelayMessage.class));
    }
}
