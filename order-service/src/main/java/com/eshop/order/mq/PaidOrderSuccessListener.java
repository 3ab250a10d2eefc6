package com.eshop.order.mq;

import com.eshop.common.api.mq.PaidOrderSuccessMessage;
import com.eshop.order.application.FulfillOrderService;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Paid order → fulfillment (fulfill, WMS and TMS orders), asynchronously (section 9). */
@Component
@RequiredArgsConstructor
public class PaidOrderSuccessListener implements MessageHandler {
    private final FulfillOrderService fulfillOrderService;

    @Override
    public String topic() {
        return RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.PAID_ORDER_SUCCESS_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        fulfillOrderService.fulfillPaidOrder(Json.fromBytes(message.getBody(), PaidOrderSuccessMessage.class).getOrderId());
    }
}
