package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderStatusEnum;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.eshop.common.api.enums.OrderCancelTypeEnum.TIMEOUT_CANCELED;
import static com.eshop.common.api.enums.OrderCancelTypeEnum.USER_CANCELED;
import static org.assertj.core.api.Assertions.assertThat;

class CancelDecisionTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aCancelledOrderIsAlreadyCancelledWhoeverAsks() {
        assertThat(CancelDecision.decide(order(OrderStatusEnum.CANCELED, NOW.minusSeconds(1)), USER_CANCELED, NOW))
                .isEqualTo(CancelDecision.ALREADY_CANCELLED);
        assertThat(CancelDecision.decide(order(OrderStatusEnum.CANCELED, NOW.plusSeconds(60)), TIMEOUT_CANCELED, NOW))
                .isEqualTo(CancelDecision.ALREADY_CANCELLED);
    }

    @Test
    void aTimeoutCancelsOnlyAnUnpaidOrderAtOrAfterItsExpireTime() {
        assertThat(CancelDecision.decide(order(OrderStatusEnum.CREATED, NOW), TIMEOUT_CANCELED, NOW)).isEqualTo(CancelDecision.CANCEL);
        assertThat(CancelDecision.decide(order(OrderStatusEnum.CREATED, NOW.plusMillis(1)), TIMEOUT_CANCELED, NOW))
                .isEqualTo(CancelDecision.NOT_DUE);
        assertThat(CancelDecision.decide(order(OrderStatusEnum.PAID, NOW.minusSeconds(60)), TIMEOUT_CANCELED, NOW))
                .isEqualTo(CancelDecision.NOT_DUE);
    }

    @Test
    void theUserCancelsUntilTheGoodsLeaveTheWarehouse() {
        for (OrderStatusEnum status : new OrderStatusEnum[]{OrderStatusEnum.CREATED, OrderStatusEnum.PAID, OrderStatusEnum.FULFILL}) {
            assertThat(CancelDecision.decide(order(status, NOW.plusSeconds(60)), USER_CANCELED, NOW)).isEqualTo(CancelDecision.CANCEL);
        }
        for (OrderStatusEnum status : new OrderStatusEnum[]{OrderStatusEnum.OUT_STOCK, OrderStatusEnum.DELIVERY, OrderStatusEnum.SIGNED}) {
            assertThat(CancelDecision.decide(order(status, NOW.plusSeconds(60)), USER_CANCELED, NOW)).isEqualTo(CancelDecision.REFUSED);
        }
    }

    private static Order order(OrderStatusEnum status, Instant expireTime) {
        return new Order("O1", "U1", 1, 1, status, null, null, null, 1000, 0, 1000, null, expireTime, NOW.minusSeconds(600));
    }
}
