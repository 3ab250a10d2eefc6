package com.eshop.order.mq;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.application.OrderAfterSaleService;
import com.eshop.order.application.OrderService;
import com.eshop.order.infrastructure.persistence.OrderInfoDO;
import com.eshop.order.infrastructure.persistence.OrderRepository;
import com.eshop.support.json.Json;
import com.eshop.support.mq.MessageHandler;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.stereotype.Component;

/**
 * Pay-timeout message, due at the order's expire time (section 5). Each message of a batch is handled on its
 * own (the container acknowledges them one by one); an early one is re-delayed, never dropped; the cancel type
 * is always TIMEOUT.
 */
@Slf4j
@Component
@RequiredArgsConstructor
public class PayOrderTimeoutListener implements MessageHandler {
    private final OrderRepository orderRepository;
    private final OrderService orderService;
    private final OrderAfterSaleService orderAfterSaleService;

    @Override
    public String topic() {
        return RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC;
    }

    @Override
    public String consumerGroup() {
        return RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_CONSUMER_GROUP;
    }

    @Override
    public void handle(MessageExt messageExt) {
        PayOrderTimeoutDelayMessage message = Json.fromBytes(messageExt.getBody(), PayOrderTimeoutDelayMessage.class);
        OrderInfoDO order = orderRepository.findCommittedOrder(message.getOrderId());
        if (order == null || !OrderStatusEnum.CREATED.getCode().equals(order.getOrderStatus())) {
            return;
        }
        long expireTime = order.getExpireTime().getTime();
        if (System.currentTimeMillis() < expireTime) {
            log.info("pay-timeout message of {} arrived {} ms early: re-delayed", message.getOrderId(), expireTime - System.currentTimeMillis());
            message.setExpireTimeMillis(expireTime);
            orderService.sendPayOrderTimeoutDelayMessage(message);
            return;
        }
        if (orderAfterSaleService.cancelExpiredOrder(message.getOrderId())) {
            log.info("order {} cancelled on pay timeout, {} ms after expiry", message.getOrderId(), System.currentTimeMillis() - expireTime);
        }
    }
}
