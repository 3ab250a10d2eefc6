package com.eshop.order.domain;

import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.eshop.common.api.enums.AfterSaleStatusEnum.REFUNDED;
import static com.eshop.common.api.enums.AfterSaleStatusEnum.REFUNDING;
import static com.eshop.common.api.enums.AfterSaleStatusEnum.REVIEW_PASS;
import static com.eshop.common.api.enums.AfterSaleStatusEnum.UN_CREATED;

/**
 * The after-sale of a cancelled paid order as a state machine (section 15): the one place that says which status
 * change is legal and what the refund does next from each state. Every status write is a conditional update
 * {@code WHERE after_sale_status = from} of a transition allowed here; the listeners and the reconciliation ask
 * {@link #nextStep} instead of deciding on their own.
 * <pre>
 * (none) --PrepareRefundService--> REVIEW_PASS --RefundMoneyService--> REFUNDING --CompleteRefundService--> REFUNDED
 *                                       |                                                                    ^
 *                                       +-- RefundMoneyService, when the gateway's notification came first --+
 * </pre>
 * The gateway refunds, then notifies; its notification can overtake RefundMoneyService's own record of the refund.
 * At REVIEW_PASS it is kept on the refund row (REFUND_SUCCESS) and the after-sale goes straight to REFUNDED when
 * RefundMoneyService records its refund, so nothing waits for a redelivery.
 */
public final class AfterSaleLifecycle {
    private static final Map<AfterSaleStatusEnum, Set<AfterSaleStatusEnum>> ALLOWED = Map.of(
            UN_CREATED, EnumSet.of(REVIEW_PASS),
            REVIEW_PASS, EnumSet.of(REFUNDING, REFUNDED),
            REFUNDING, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(AfterSaleStatusEnum.class));

    /** What moves an after-sale on from its state. */
    public enum Step {
        /** No after-sale yet: write it (REVIEW_PASS) and send ACTUAL_REFUND. */
        PREPARE_REFUND,
        /** REVIEW_PASS: the gateway refunds; recorded with the release of the order's coupon. */
        REFUND_MONEY,
        /** REFUNDING: the gateway's notification is awaited; the same refund request again makes it send it again. */
        AWAIT_NOTIFICATION,
        /** REFUNDED: nothing is left to do. */
        NONE
    }

    /** What the gateway's refund notification does to the after-sale. */
    public enum NotificationEffect {
        /** REFUNDING -> REFUNDED. */
        COMPLETES,
        /** REVIEW_PASS: the refund is recorded as confirmed; the after-sale completes once its refund is recorded. */
        OVERTAKES_REFUND_RECORD,
        /** Already completed, or already recorded: nothing changes. */
        REPEATED
    }

    private AfterSaleLifecycle() {
    }

    public static boolean canTransit(AfterSaleStatusEnum from, AfterSaleStatusEnum to) {
        return ALLOWED.get(from).contains(to);
    }

    /** UN_CREATED when no after-sale was written. */
    public static AfterSaleStatusEnum statusOf(Optional<AfterSale> afterSale) {
        return afterSale.map(AfterSale::status).orElse(UN_CREATED);
    }

    public static Step nextStep(AfterSaleStatusEnum status) {
        return switch (status) {
            case UN_CREATED -> Step.PREPARE_REFUND;
            case REVIEW_PASS -> Step.REFUND_MONEY;
            case REFUNDING -> Step.AWAIT_NOTIFICATION;
            case REFUNDED -> Step.NONE;
        };
    }

    /** Where recording the gateway's refund takes a REVIEW_PASS after-sale: REFUNDED when the notification came first. */
    public static AfterSaleStatusEnum statusAfterRefund(AfterSaleRefund refund) {
        return refund.refundStatus() == RefundStatusEnum.REFUND_SUCCESS ? REFUNDED : REFUNDING;
    }

    public static NotificationEffect onRefundNotified(AfterSale afterSale, AfterSaleRefund refund) {
        return switch (afterSale.status()) {
            case REFUNDING -> NotificationEffect.COMPLETES;
            case REVIEW_PASS -> refund.refundStatus() == RefundStatusEnum.UN_REFUND
                    ? NotificationEffect.OVERTAKES_REFUND_RECORD : NotificationEffect.REPEATED;
            case REFUNDED -> NotificationEffect.REPEATED;
            case UN_CREATED -> throw new IllegalArgumentException("after-sale " + afterSale.afterSaleId() + " has no status");
        };
    }
}
