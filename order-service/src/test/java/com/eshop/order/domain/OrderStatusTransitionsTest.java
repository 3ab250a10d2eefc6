package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderStatusEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.eshop.common.api.enums.OrderStatusEnum.CANCELED;
import static com.eshop.common.api.enums.OrderStatusEnum.CREATED;
import static com.eshop.common.api.enums.OrderStatusEnum.DELIVERY;
import static com.eshop.common.api.enums.OrderStatusEnum.FULFILL;
import static com.eshop.common.api.enums.OrderStatusEnum.OUT_STOCK;
import static com.eshop.common.api.enums.OrderStatusEnum.PAID;
import static com.eshop.common.api.enums.OrderStatusEnum.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTransitionsTest {
    private static final Map<OrderStatusEnum, Set<OrderStatusEnum>> EXPECTED = Map.of(
            CREATED, EnumSet.of(PAID, CANCELED),
            PAID, EnumSet.of(FULFILL, CANCELED),
            FULFILL, EnumSet.of(OUT_STOCK, CANCELED),
            OUT_STOCK, EnumSet.of(DELIVERY),
            DELIVERY, EnumSet.of(SIGNED),
            SIGNED, EnumSet.noneOf(OrderStatusEnum.class),
            CANCELED, EnumSet.noneOf(OrderStatusEnum.class));

    @ParameterizedTest
    @EnumSource(OrderStatusEnum.class)
    void everyTransitionIsAllowedExactlyWhenExpected(OrderStatusEnum from) {
        for (OrderStatusEnum to : OrderStatusEnum.values()) {
            assertThat(OrderStatusTransitions.canTransit(from, to))
                    .as("%s -> %s", from, to)
                    .isEqualTo(EXPECTED.get(from).contains(to));
        }
    }

    @Test
    void cancellableOnlyBeforeTheGoodsLeaveTheWarehouse() {
        assertThat(EnumSet.allOf(OrderStatusEnum.class).stream().filter(OrderStatusTransitions::isCancellable))
                .containsExactlyInAnyOrder(CREATED, PAID, FULFILL);
    }

    @Test
    void aCancelledOrderCannotBeCancelledAgainNorPaid() {
        assertThat(OrderStatusTransitions.canTransit(CANCELED, CANCELED)).isFalse();
        assertThat(OrderStatusTransitions.canTransit(CANCELED, PAID)).isFalse();
    }
}
