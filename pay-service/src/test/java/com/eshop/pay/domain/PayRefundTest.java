package com.eshop.pay.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayRefundTest {
    private final PayRefund first = PayRefund.succeeded("R1", "O1", "T1", 10, 500);

    @Test
    void theSameRefundAgainIsAReplay() {
        assertThat(PayRefund.succeeded("R1", "O1", "T1", 10, 500).isReplayOf(first)).isTrue();
        assertThat(first.status()).isEqualTo(RefundStatus.SUCCESS.code());
    }

    @Test
    void anyDifferenceInContentIsNotAReplay() {
        assertThat(PayRefund.succeeded("R1", "O2", "T1", 10, 500).isReplayOf(first)).isFalse();
        assertThat(PayRefund.succeeded("R1", "O1", "T1", 10, 501).isReplayOf(first)).isFalse();
        assertThat(PayRefund.succeeded("R1", "O1", "T1", 20, 500).isReplayOf(first)).isFalse();
        assertThat(PayRefund.succeeded("R1", "O1", null, 10, 500).isReplayOf(first)).isFalse();
    }

    @Test
    void newTransactionsAreWaitingWithDistinctValidTradeNumbers() {
        PayTransaction a = PayTransaction.waiting("O1", "U1001", 10, 900);
        PayTransaction b = PayTransaction.waiting("O1", "U1001", 10, 900);

        assertThat(a.status()).isEqualTo(PayTransactionStatus.WAITING.code());
        assertThat(a.outTradeNo()).isNotEqualTo(b.outTradeNo()).matches("[A-Za-z0-9_-]{1,64}");
    }
}
