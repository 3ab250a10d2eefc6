package com.eshop.fulfill.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FulfillOrderTest {

    @Test
    void aNewFulfillOrderIsCreatedWithADistinctValidId() {
        FulfillOrder a = FulfillOrder.created("O1", "U1001", 900);
        FulfillOrder b = FulfillOrder.created("O1", "U1001", 900);

        assertThat(a.status()).isEqualTo(FulfillOrderStatus.CREATED);
        assertThat(a.fulfillId()).isNotEqualTo(b.fulfillId()).matches("[A-Za-z0-9_-]{1,64}");
    }

    @Test
    void codesMatchTheTable() {
        assertThat(FulfillOrderStatus.of(10)).isEqualTo(FulfillOrderStatus.CREATED);
        assertThat(FulfillOrderStatus.of(90)).isEqualTo(FulfillOrderStatus.CANCELLED);
        assertThatThrownBy(() -> FulfillOrderStatus.of(20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyACreatedFulfillOrderCanBeCancelledAndCancelledIsFinal() {
        assertThat(FulfillOrderStatus.CREATED.canCancel()).isTrue();
        assertThat(FulfillOrderStatus.CREATED.isCancelled()).isFalse();
        assertThat(FulfillOrderStatus.CANCELLED.canCancel()).isFalse();
        assertThat(FulfillOrderStatus.CANCELLED.isCancelled()).isTrue();
    }
}
