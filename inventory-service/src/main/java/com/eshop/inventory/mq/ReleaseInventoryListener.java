package com.eshop.inventory.mq;

import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.inventory.application.ReleaseStockService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Releases a cancelled order's stock (fan-out of RELEASE_ASSETS). A failure throws, so the message is retried. */
@Component
public class ReleaseInventoryListener implements MessageHandler {
    private final ReleaseStockService releaseStockService;

    public ReleaseInventoryListener(ReleaseStockService releaseStockService) {
        this.releaseStockService = releaseStockService;
    }

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
