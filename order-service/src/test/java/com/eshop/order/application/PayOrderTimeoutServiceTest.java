package com.eshop.order.application;

import com.eshop.common.api.enums.OrderCancelTypeEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.domain.Order;
import com.eshop.support.metrics.EshopMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PayOrderTimeoutServiceTest {
    private final OrderFixture f = new OrderFixture();

    @Test
    void creatingAnOrderSchedulesItsTimeoutAtTheExpireTime() {
        Order order = f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        f.payOrderTimeoutService.sendPayOrderTimeoutDelayMessage(order);

        assertThat(f.mq.to(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC)).singleElement()
                .satisfies(sent -> assertThat(sent.deliverAtMillis()).isEqualTo(order.expireTime().toEpochMilli()));
    }

    @Test
    void anEarlyMessageIsDelayedAgainUntilTheExpireTimeAndCancelsNothing() {
        Order order = f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        f.payOrderTimeoutService.handlePayTimeout(message("O1", Instant.now().toEpochMilli()));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CREATED);
        assertThat(f.mq.to(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC)).singleElement()
                .satisfies(sent -> assertThat(sent.deliverAtMillis()).isEqualTo(order.expireTime().toEpochMilli()));
        assertThat(f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC)).isEmpty();
    }

    @Test
    void aDueMessageCancelsTheUnpaidOrderAsATimeout() {
        f.unpaidOrder("O1", Instant.now().minusMillis(1), null);

        f.payOrderTimeoutService.handlePayTimeout(message("O1", Instant.now().toEpochMilli()));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CANCELED);
        assertThat(f.orders.order("O1").cancelType()).isEqualTo(OrderCancelTypeEnum.TIMEOUT_CANCELED.getCode());
        assertThat(f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC)).hasSize(1);
        assertThat(f.cancels("timeout", "cancelled")).isEqualTo(1);
        assertThat(f.meters.timer(EshopMetrics.TIMEOUT_LATENESS, "source", "message").count()).isEqualTo(1);
    }

    @Test
    void aPaidOrAlreadyCancelledOrderIsLeftAlone() {
        f.paidOrder("O1", null, OrderStatusEnum.PAID);
        f.unpaidOrder("O2", Instant.now().minusSeconds(1), null);
        f.cancelOrderService.cancelExpiredOrder("O2");
        f.mq.sent.clear();

        f.payOrderTimeoutService.handlePayTimeout(message("O1", Instant.now().toEpochMilli()));
        f.payOrderTimeoutService.handlePayTimeout(message("O2", Instant.now().toEpochMilli()));
        f.payOrderTimeoutService.handlePayTimeout(message("O404", Instant.now().toEpochMilli()));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.PAID);
        assertThat(f.mq.sent).isEmpty();
    }

    private static PayOrderTimeoutDelayMessage message(String orderId, long expireTimeMillis) {
        PayOrderTimeoutDelayMessage message = new PayOrderTimeoutDelayMessage();
        message.setOrderId(orderId);
        message.setExpireTimeMillis(expireTimeMillis);
        return message;
    }
}
