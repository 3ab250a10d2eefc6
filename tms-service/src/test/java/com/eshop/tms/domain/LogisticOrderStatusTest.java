package com.eshop.tms.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogisticOrderStatusTest {

    @Test
    void shippingCanBeCancelledOnlyBeforeTheParcelIsInTransit() {
        assertThat(LogisticOrderStatus.CREATED.canCancel()).isTrue();
        assertThat(LogisticOrderStatus.IN_TRANSIT.canCancel()).isFalse();
        assertThat(LogisticOrderStatus.IN_TRANSIT.isCancelled()).isFalse();
    }

    @Test
    void cancelledIsFinal() {
        assertThat(LogisticOrderStatus.CANCELLED.isCancelled()).isTrue();
        assertThat(LogisticOrderStatus.CANCELLED.canCancel()).isFalse();
        assertThat(LogisticOrderStatus.CREATED.isCancelled()).isFalse();
    }

    @Test
    void codesMatchTheTable() {
        assertThat(LogisticOrderStatus.of(10)).isEqualTo(LogisticOrderStatus.CREATED);
        assertThat(LogisticOrderStatus.of(20)).isEqualTo(LogisticOrderStatus.IN_TRANSIT);
        assertThat(LogisticOrderStatus.of(90)).isEqualTo(LogisticOrderStatus.CANCELLED);
        assertThatThrownBy(() -> LogisticOrderStatus.of(30)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewLogisticOrderIsCreatedWithAValidId() {
        LogisticOrder order = LogisticOrder.created("O1", "F1", "U1001");
        assertThat(order.status()).isEqualTo(LogisticOrderStatus.CREATED);
        assertThat(order.logisticOrderId()).matches("[A-Za-z0-9_-]{1,64}");
    }
}
