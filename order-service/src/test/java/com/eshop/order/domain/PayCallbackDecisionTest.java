package com.eshop.order.domain;

import org.junit.jupiter.api.Test;

import static com.eshop.common.api.enums.OrderStatusEnum.CANCELED;
import static com.eshop.common.api.enums.OrderStatusEnum.CREATED;
import static com.eshop.common.api.enums.OrderStatusEnum.FULFILL;
import static com.eshop.common.api.enums.OrderStatusEnum.PAID;
import static com.eshop.order.domain.PayCallbackDecision.ACCEPT;
import static com.eshop.order.domain.PayCallbackDecision.ALREADY_ACCEPTED;
import static com.eshop.order.domain.PayCallbackDecision.REFUND_OTHER_PAY_TYPE;
import static com.eshop.order.domain.PayCallbackDecision.REFUND_PAID_AFTER_CANCEL;
import static org.assertj.core.api.Assertions.assertThat;

/** Section 11's scenario table. */
class PayCallbackDecisionTest {
    private static final int WECHAT = 10;
    private static final int ALIPAY = 20;

    @Test
    void anUnpaidOrderAwaitingPaymentAcceptsThePayment() {
        assertThat(PayCallbackDecision.decide(CREATED, null, WECHAT)).isEqualTo(ACCEPT);
    }

    @Test
    void aPaymentForACancelledUnpaidOrderIsRefunded() {
        assertThat(PayCallbackDecision.decide(CANCELED, null, WECHAT)).isEqualTo(REFUND_PAID_AFTER_CANCEL);
    }

    @Test
    void theSamePayTypeReportedAgainChangesNothing() {
        assertThat(PayCallbackDecision.decide(PAID, WECHAT, WECHAT)).isEqualTo(ALREADY_ACCEPTED);
        assertThat(PayCallbackDecision.decide(FULFILL, WECHAT, WECHAT)).isEqualTo(ALREADY_ACCEPTED);
        // paid then cancelled: the cancel chain refunds the accepted payment, the callback must not refund it again
        assertThat(PayCallbackDecision.decide(CANCELED, WECHAT, WECHAT)).isEqualTo(ALREADY_ACCEPTED);
    }

    @Test
    void aSecondPaymentWithAnotherPayTypeIsRefunded() {
        assertThat(PayCallbackDecision.decide(PAID, WECHAT, ALIPAY)).isEqualTo(REFUND_OTHER_PAY_TYPE);
        assertThat(PayCallbackDecision.decide(CANCELED, WECHAT, ALIPAY)).isEqualTo(REFUND_OTHER_PAY_TYPE);
    }
}
