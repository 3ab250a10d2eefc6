package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.enums.RefundStatusEnum;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.common.api.mq.RefundCompletedMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.order.domain.AfterSaleItem;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.support.error.BizException;
import com.eshop.support.metrics.EshopMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cancel of a paid order with a coupon, stage by stage: release fan-out, refund preparation, refund, completion. */
class RefundChainTest {
    private static final String AFTER_SALE = RefundRequestIds.afterSaleId("O1");
    private static final String REFUND_REQUEST = RefundRequestIds.forAfterSale(AFTER_SALE);

    private final OrderFixture f = new OrderFixture();

    @Test
    void aPaidOrdersReleaseAsksForTheRefundAndReleasesStockButLeavesTheCouponToTheRefund() {
        CancelOrderAssembleRequest cancelled = cancelPaidOrderWithCoupon();

        f.releaseAssetsService.releaseAssets(cancelled);

        assertThat(f.mq.to(RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC)).hasSize(1);
        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC)).hasSize(1);
        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC)).isEmpty();
    }

    @Test
    void anUnpaidOrdersReleaseReturnsItsCouponAndAsksForNoRefund() {
        f.unpaidOrder("O2", Instant.now().plusSeconds(600), "C2");
        f.cancelOrderService.cancelOrder(cancel("O2"));
        CancelOrderAssembleRequest cancelled = (CancelOrderAssembleRequest) f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC).get(0).body();

        f.releaseAssetsService.releaseAssets(cancelled);

        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC)).hasSize(1);
        assertThat(f.mq.to(RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC)).isEmpty();
        f.prepareRefundService.processCancelOrder(cancelled);
        assertThat(f.afterSales.afterSales).isEmpty();
    }

    @Test
    void theRefundRequestWritesOneAfterSaleOfWhatWasPaidSpreadOverTheItems() {
        CancelOrderAssembleRequest cancelled = cancelPaidOrderWithCoupon();

        f.prepareRefundService.processCancelOrder(cancelled);
        f.prepareRefundService.processCancelOrder(cancelled);

        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REVIEW_PASS);
        assertThat(f.afterSales.items.get(AFTER_SALE)).extracting(AfterSaleItem::skuCode, AfterSaleItem::realRefundAmount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SKU-A", 630), org.assertj.core.groups.Tuple.tuple("SKU-B", 270));
        AfterSaleRefund refund = f.afterSales.refunds.get(AFTER_SALE);
        assertThat(refund.refundAmount()).isEqualTo(900);
        assertThat(refund.refundRequestId()).isEqualTo(REFUND_REQUEST);
        assertThat(refund.outTradeNo()).isEqualTo("T-O1");
        assertThat(refund.refundStatus()).isEqualTo(RefundStatusEnum.UN_REFUND);
        assertThat(f.mq.to(RocketMqConstant.ACTUAL_REFUND_TOPIC)).singleElement().satisfies(sent -> assertThat(sent.keys()).isEqualTo(AFTER_SALE));
        String attemptId = f.mq.to(RocketMqConstant.ACTUAL_REFUND_TOPIC).get(0).attemptId();
        assertThat(f.prepareRefundService.isAfterSaleWrittenBy(AFTER_SALE, attemptId)).isTrue();
        // the half message of an earlier attempt whose send outcome was lost: its check-back rolls it back
        assertThat(f.prepareRefundService.isAfterSaleWrittenBy(AFTER_SALE, "an-attempt-that-never-ran")).isFalse();
    }

    @Test
    void theRefundIsMadeOnceAndReturnsTheCouponWithIt() {
        f.prepareRefundService.processCancelOrder(cancelPaidOrderWithCoupon());
        ActualRefundMessage actualRefund = (ActualRefundMessage) f.mq.to(RocketMqConstant.ACTUAL_REFUND_TOPIC).get(0).body();

        f.refundMoneyService.refundMoney(actualRefund);
        f.refundMoneyService.refundMoney(actualRefund);

        assertThat(f.pay.refundCalls).containsExactly(REFUND_REQUEST);
        assertThat(f.pay.refunds).containsEntry(REFUND_REQUEST, 900);
        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REFUNDING);
        assertThat(f.afterSales.refunds.get(AFTER_SALE).refundStatus()).isEqualTo(RefundStatusEnum.REFUND_SUCCESS);
        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC)).singleElement()
                .satisfies(sent -> assertThat(sent.properties()).containsEntry(RefundMoneyService.AFTER_SALE_ID, AFTER_SALE));
        String attemptId = f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC).get(0).attemptId();
        assertThat(f.refundMoneyService.isRefundRecordedBy(AFTER_SALE, attemptId)).isTrue();
        assertThat(f.refundMoneyService.isRefundRecordedBy(AFTER_SALE, "an-attempt-that-never-ran")).isFalse();
    }

    @Test
    void theGatewaysNotificationCompletesTheRecordedRefund() {
        f.prepareRefundService.processCancelOrder(cancelPaidOrderWithCoupon());
        ActualRefundMessage actualRefund = (ActualRefundMessage) f.mq.to(RocketMqConstant.ACTUAL_REFUND_TOPIC).get(0).body();

        f.refundMoneyService.refundMoney(actualRefund);
        assertThatThrownBy(() -> f.completeRefundService.completeRefund(notification(899)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR));
        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REFUNDING);

        f.completeRefundService.completeRefund(notification(900));
        f.completeRefundService.completeRefund(notification(900));
        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REFUNDED);
        assertThat(f.afterSales.log).containsExactly(AFTER_SALE + ":UN_CREATED->REVIEW_PASS", AFTER_SALE + ":REVIEW_PASS->REFUNDING",
                AFTER_SALE + ":REFUNDING->REFUNDED");
        assertThat(f.meters.timer(EshopMetrics.CANCEL_TO_REFUND).count()).as("the repeated notification completes nothing").isEqualTo(1);
    }

    @Test
    void aNotificationThatOvertakesTheRefundsRecordIsKeptAndTheRecordThenCompletesTheAfterSale() {
        f.prepareRefundService.processCancelOrder(cancelPaidOrderWithCoupon());
        ActualRefundMessage actualRefund = (ActualRefundMessage) f.mq.to(RocketMqConstant.ACTUAL_REFUND_TOPIC).get(0).body();
        // the gateway refunded and notified, but refundMoney failed before recording it (its message comes again)
        f.pay.executeRefund(REFUND_REQUEST, "O1", "T-O1", 10, 900);

        f.completeRefundService.completeRefund(notification(900));
        f.completeRefundService.completeRefund(notification(900));

        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REVIEW_PASS);
        assertThat(f.afterSales.refunds.get(AFTER_SALE).refundStatus()).isEqualTo(RefundStatusEnum.REFUND_SUCCESS);
        assertThat(f.meters.timer(EshopMetrics.CANCEL_TO_REFUND).count()).isZero();

        f.refundMoneyService.refundMoney(actualRefund);

        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REFUNDED);
        assertThat(f.pay.refunds).containsEntry(REFUND_REQUEST, 900).hasSize(1);
        assertThat(f.afterSales.log).containsExactly(AFTER_SALE + ":UN_CREATED->REVIEW_PASS", AFTER_SALE + ":refund notified",
                AFTER_SALE + ":REVIEW_PASS->REFUNDED");
        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC)).as("the coupon goes back with the recorded refund").hasSize(1);
        assertThat(f.meters.timer(EshopMetrics.CANCEL_TO_REFUND).count()).isEqualTo(1);
        f.completeRefundService.completeRefund(notification(900));
        f.refundMoneyService.refundMoney(actualRefund);
        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REFUNDED);
        assertThat(f.meters.timer(EshopMetrics.CANCEL_TO_REFUND).count()).isEqualTo(1);
    }

    @Test
    void theReconciliationRedrivesALostRefundRequestAndSettlesTheOrderOnceEverythingIsBack() {
        cancelPaidOrderWithCoupon();
        f.inventory.locked.remove("O1");

        assertThat(f.reconciler.reconcileOrder("O1")).isFalse();
        assertThat(f.afterSales.status(AFTER_SALE)).isEqualTo(AfterSaleStatusEnum.REVIEW_PASS);
        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC)).as("the coupon goes back with the refund").isEmpty();

        assertThat(f.reconciler.reconcileOrder("O1")).isFalse();
        assertThat(f.pay.refunds).containsEntry(REFUND_REQUEST, 900);
        assertThat(f.mq.to(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC)).hasSize(1);

        f.market.held.remove("C1");
        f.completeRefundService.completeRefund(notification(900));
        assertThat(f.reconciler.reconcileOrder("O1")).isTrue();
        assertThat(f.orders.settled).containsExactly("O1");
    }

    @Test
    void aReconciliationRunIsCountedWithWhatItFound() {
        cancelPaidOrderWithCoupon();
        // a window that ends a second from now holds the order cancelled just now
        f.properties.setReconcileGrace(Duration.ofSeconds(-1));

        CancelledOrderReconciler.ReconcileResult result = f.reconciler.reconcile(0, 1, progress -> { });

        assertThat(result.found()).isEqualTo(1);
        assertThat(f.meters.counter(EshopMetrics.RECONCILE_RUNS).count()).isEqualTo(1);
        assertThat(f.meters.counter(EshopMetrics.RECONCILE_ORDERS, "result", "found").count()).isEqualTo(1);
        assertThat(f.meters.counter(EshopMetrics.RECONCILE_ORDERS, "result", "redriven").count()).isEqualTo(1);
    }

    private CancelOrderAssembleRequest cancelPaidOrderWithCoupon() {
        f.paidOrder("O1", "C1", OrderStatusEnum.PAID);
        f.cancelOrderService.cancelOrder(cancel("O1"));
        CancelOrderAssembleRequest cancelled = (CancelOrderAssembleRequest) f.mq.to(RocketMqConstant.RELEASE_ASSETS_TOPIC).get(0).body();
        f.mq.sent.clear();
        return cancelled;
    }

    private static CancelOrderRequest cancel(String orderId) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(OrderFixture.USER);
        return request;
    }

    private static RefundCompletedMessage notification(int amount) {
        RefundCompletedMessage message = new RefundCompletedMessage();
        message.setRefundRequestId(REFUND_REQUEST);
        message.setOrderId("O1");
        message.setRefundAmount(amount);
        return message;
    }
}
