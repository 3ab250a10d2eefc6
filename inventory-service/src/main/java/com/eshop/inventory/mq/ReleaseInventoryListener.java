package com.eshop.inventory.mq;

import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.inventory.application.ReleaseStockService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Releases a cancelled order's stock (fan-out of RELEASE_ASSETS). A failure throws, so the message is retried. */
@Component
@RequiredArgsConstructor
public class ReleaseInventoryListener implements MessageHandler {
    private final ReleaseStockService releaseStockService;

    @Override
    public String topic() {
        return RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.RELEASE_INVENTORY_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        releaseStockService.cancelOrderReleaseProductStock(
                Json.fromBytes(message.getBody(), CancelOrderReleaseProductStockRequest.class));
    }
}
