package com.eshop.order.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefundApportioningTest {

    @Test
    void sharesFollowTheItemAmountsAndTheLastTakesTheRoundingRest() {
        assertThat(RefundApportioning.apportion(1000, List.of(333, 333, 334), 1000)).containsExactly(333, 333, 334);
        assertThat(RefundApportioning.apportion(100, List.of(1, 1, 1), 3)).containsExactly(33, 33, 34);
    }

    @Test
    void aCouponReducedRefundIsSpreadOverTheItemsAndAddsUpExactly() {
        List<Integer> shares = RefundApportioning.apportion(901, List.of(700, 300), 1000);

        assertThat(shares).containsExactly(630, 271);
        assertThat(shares.stream().mapToInt(Integer::intValue).sum()).isEqualTo(901);
    }

    @Test
    void largeAmountsDoNotOverflow() {
        assertThat(RefundApportioning.apportion(2_000_000_000, List.of(1_500_000_000, 500_000_000), 2_000_000_000))
                .containsExactly(1_500_000_000, 500_000_000);
    }
}
