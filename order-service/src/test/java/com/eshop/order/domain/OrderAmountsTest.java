package com.eshop.order.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderAmountsTest {
    @Test
    void totalSumsPriceTimesQuantity() {
        assertThat(OrderAmounts.total(List.of(new OrderAmounts.Line("A", 29900, 2), new OrderAmounts.Line("B", 990, 3)), 1_000_000_000))
                .hasValue(62_770);
    }

    @Test
    void totalAboveTheBoundIsRefusedInsteadOfOverflowing() {
        assertThat(OrderAmounts.total(List.of(new OrderAmounts.Line("A", 999_999_999, 10_000)), 1_000_000_000)).isEmpty();
        assertThat(OrderAmounts.total(List.of(new OrderAmounts.Line("A", 600_000_000, 1), new OrderAmounts.Line("B", 600_000_000, 1)),
                1_000_000_000)).isEmpty();
    }

    @Test
    void aCouponMustLeaveSomethingToPay() {
        assertThat(OrderAmounts.couponApplies(1000, 999)).isTrue();
        assertThat(OrderAmounts.couponApplies(1000, 1000)).isFalse();
    }

    @Test
    void refundRequestIdsAreFixedPerIntent() {
        assertThat(RefundRequestIds.forAfterSale(RefundRequestIds.afterSaleId("O1"))).isEqualTo("REFUND-ASO1");
        assertThat(RefundRequestIds.forUnacceptedPayment("O1", 20)).isEqualTo(RefundRequestIds.forUnacceptedPayment("O1", 20));
        assertThat(RefundRequestIds.forUnacceptedPayment("O1", 10)).isNotEqualTo(RefundRequestIds.forUnacceptedPayment("O1", 20));
    }
}
