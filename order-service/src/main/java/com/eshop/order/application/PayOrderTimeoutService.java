package com.eshop.order.application;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.metrics.EshopMetrics;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The pay timeout (section 5): a message due at the order's expire time cancels the order if it is still unpaid
 * then. An early message is re-delayed, never dropped: with delay levels (RocketMQ 4.x brokers) every message but
 * the last arrives early; a lost one is left to the expired-order scan.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class PayOrderTimeoutService {
    private final OrderRepository orderRepository;
    private final CancelOrderService cancelOrderService;
    private final MqProducer mqProducer;
    private final OrderFaults orderFaults;
    private final EshopMetrics metrics;

    /** Due at the expire time. If it is lost, AutoCancelExpiredOrderTask cancels the order instead. */
    public void sendPayOrderTimeoutDelayMessage(Order order) {
        if (orderFaults.dropPayTimeoutMessage()) {
            log.warn("fault injection: pay-timeout message of {} dropped", order.orderId());
            return;
        }
        PayOrderTimeoutDelayMessage message = new PayOrderTimeoutDelayMessage();
        message.setOrderId(order.orderId());
        message.setUserId(order.userId());
        message.setBusinessIdentifier(order.businessIdentifier());
        message.setOrderType(order.orderType());
        message.setOrderStatus(order.status().getCode());
        message.setExpireTimeMillis(order.expireTime().toEpochMilli());
        send(message);
    }

    /** The timeout message arrived: cancel the order if it is still unpaid at its expire time; the cancel type is TIMEOUT. */
    public void handlePayTimeout(PayOrderTimeoutDelayMessage message) {
        Optional<Order> found = orderRepository.findCommittedOrder(message.getOrderId());
        if (found.isEmpty() || found.get().status() != OrderStatusEnum.CREATED) {
            return;
        }
        Order order = found.get();
        Instant now = Instant.now();
        if (!order.isExpiredAt(now)) {
            log.info("pay-timeout message of {} arrived {} ms early: re-delayed", order.orderId(),
                    Duration.between(now, order.expireTime()).toMillis());
            message.setExpireTimeMillis(order.expireTime().toEpochMilli());
            send(message);
            return;
        }
        if (cancelOrderService.cancelExpiredOrder(order.orderId())) {
            Duration lateness = Duration.between(order.expireTime(), Instant.now());
            metrics.timeoutLateness(EshopMetrics.TimeoutSource.MESSAGE, lateness);
            log.info("order {} cancelled on pay timeout, {} ms after expiry", order.orderId(), lateness.toMillis());
        }
    }

    private void send(PayOrderTimeoutDelayMessage message) {
        try {
            mqProducer.sendAt(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC, message.getOrderId(), message, message.getExpireTimeMillis());
        } catch (BizException e) {
            log.error("pay-timeout message of {} not sent; the expired-order scan will cancel it: {}", message.getOrderId(), e.getMessage());
        }
    }
}
