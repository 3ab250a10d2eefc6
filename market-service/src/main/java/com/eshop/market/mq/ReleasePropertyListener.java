package com.eshop.market.mq;

import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.market.application.ReleaseUserCouponService;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/** Releases a cancelled order's coupon (fan-out of RELEASE_ASSETS). A failure throws, so the message is retried. */
@Component
@RequiredArgsConstructor
public class ReleasePropertyListener implements MessageHandler {
    private final ReleaseUserCouponService releaseUserCouponService;

    @Override
    public String topic() {
        return RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.RELEASE_PROPERTY_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt message) {
        releaseUserCouponService.releaseUserCoupon(Json.fromBytes(message.getBody(), ReleaseUserCouponRequest.class));
    }
}
