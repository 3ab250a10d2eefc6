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
        assertThatThrownBy(() -> FulfillOrderStatus.of(20)).isInstanceOf(IllegalArgumentException.class);
    }
}
