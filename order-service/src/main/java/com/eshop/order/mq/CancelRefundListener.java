package com.eshop.order.mq;

import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.order.application.PrepareRefundService;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** First refund stage: after-sale records + ACTUAL_REFUND (sections 15, 19). */
@Component
@RequiredArgsConstructor
public class CancelRefundListener implements MessageHandler {
    private final PrepareRefundService prepareRefundService;

    @Override
    public String topic() {
        return RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.CANCEL_REFUND_REQUEST_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        prepareRefundService.processCancelOrder(Json.fromBytes(message.getBody(), CancelOrderAssembleRequest.class));
    }
}
