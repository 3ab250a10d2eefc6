package com.eshop.order.mq;

import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.order.application.ReleaseAssetsService;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Fans the release of a cancelled order out to one topic per asset (sections 16, 18). */
@Component
@RequiredArgsConstructor
public class ReleaseAssetsListener implements MessageHandler {
    private final ReleaseAssetsService releaseAssetsService;

    @Override
    public String topic() {
        return RocketMqConstant.RELEASE_ASSETS_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.RELEASE_ASSETS_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        releaseAssetsService.releaseAssets(Json.fromBytes(message.getBody(), CancelOrderAssembleRequest.class));
    }
}
