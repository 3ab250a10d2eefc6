package com.eshop.order.domain;

import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.order.domain.AfterSaleLifecycle.NotificationEffect;
import com.eshop.order.domain.AfterSaleLifecycle.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static com.eshop.common.api.enums.AfterSaleStatusEnum.REFUNDED;
import static com.eshop.common.api.enums.AfterSaleStatusEnum.REFUNDING;
import static com.eshop.common.api.enums.AfterSaleStatusEnum.REVIEW_PASS;
import static com.eshop.common.api.enums.AfterSaleStatusEnum.UN_CREATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AfterSaleLifecycleTest {

    @ParameterizedTest
    @EnumSource(AfterSaleStatusEnum.class)
    void onlyTheChainsMovesAreAllowedAndNothingEverGoesBack(AfterSaleStatusEnum from) {
        Set<AfterSaleStatusEnum> allowed = switch (from) {
            case UN_CREATED -> EnumSet.of(REVIEW_PASS);
            case REVIEW_PASS -> EnumSet.of(REFUNDING, REFUNDED);
            case REFUNDING -> EnumSet.of(REFUNDED);
            case REFUNDED -> EnumSet.noneOf(AfterSaleStatusEnum.class);
        };
        for (AfterSaleStatusEnum to : AfterSaleStatusEnum.values()) {
            assertThat(AfterSaleLifecycle.canTransit(from, to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
        }
    }

    @Test
    void eachStateHasOneNextStep() {
        assertThat(AfterSaleLifecycle.nextStep(UN_CREATED)).isEqualTo(Step.PREPARE_REFUND);
        assertThat(AfterSaleLifecycle.nextStep(REVIEW_PASS)).isEqualTo(Step.REFUND_MONEY);
        assertThat(AfterSaleLifecycle.nextStep(REFUNDING)).isEqualTo(Step.AWAIT_NOTIFICATION);
        assertThat(AfterSaleLifecycle.nextStep(REFUNDED)).isEqualTo(Step.NONE);
    }

    @Test
    void anAfterSaleNotWrittenYetIsUnCreated() {
        assertThat(AfterSaleLifecycle.statusOf(Optional.empty())).isEqualTo(UN_CREATED);
        assertThat(AfterSaleLifecycle.statusOf(Optional.of(afterSale(REFUNDING)))).isEqualTo(REFUNDING);
    }

    @Test
    void recordingTheRefundAwaitsTheNotificationUnlessItCameFirst() {
        assertThat(AfterSaleLifecycle.statusAfterRefund(refund(RefundStatusEnum.UN_REFUND))).isEqualTo(REFUNDING);
        assertThat(AfterSaleLifecycle.statusAfterRefund(refund(RefundStatusEnum.REFUND_SUCCESS))).isEqualTo(REFUNDED);
        assertThat(AfterSaleLifecycle.canTransit(REVIEW_PASS, AfterSaleLifecycle.statusAfterRefund(refund(RefundStatusEnum.UN_REFUND)))).isTrue();
        assertThat(AfterSaleLifecycle.canTransit(REVIEW_PASS, AfterSaleLifecycle.statusAfterRefund(refund(RefundStatusEnum.REFUND_SUCCESS)))).isTrue();
    }

    @Test
    void theNotificationCompletesARecordedRefundIsKeptWhenEarlyAndChangesNothingWhenRepeated() {
        assertThat(AfterSaleLifecycle.onRefundNotified(afterSale(REFUNDING), refund(RefundStatusEnum.REFUND_SUCCESS)))
                .isEqualTo(NotificationEffect.COMPLETES);
        assertThat(AfterSaleLifecycle.onRefundNotified(afterSale(REVIEW_PASS), refund(RefundStatusEnum.UN_REFUND)))
                .isEqualTo(NotificationEffect.OVERTAKES_REFUND_RECORD);
        assertThat(AfterSaleLifecycle.onRefundNotified(afterSale(REVIEW_PASS), refund(RefundStatusEnum.REFUND_SUCCESS)))
                .isEqualTo(NotificationEffect.REPEATED);
        assertThat(AfterSaleLifecycle.onRefundNotified(afterSale(REFUNDED), refund(RefundStatusEnum.REFUND_SUCCESS)))
                .isEqualTo(NotificationEffect.REPEATED);
    }

    @Test
    void aNotificationForAnAfterSaleWithoutStatusIsRefused() {
        assertThatThrownBy(() -> AfterSaleLifecycle.onRefundNotified(afterSale(UN_CREATED), refund(RefundStatusEnum.UN_REFUND)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AfterSale afterSale(AfterSaleStatusEnum status) {
        return new AfterSale("ASO1", "O1", "U1", 1, status, 900, 900, null);
    }

    private static AfterSaleRefund refund(RefundStatusEnum status) {
        return new AfterSaleRefund("ASO1", "O1", "REFUND-ASO1", 10, "T-O1", 900, status);
    }
}
