package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.order.domain.PaymentRecordStatus;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.support.error.BizException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayCallbackServiceTest {
    private final OrderFixture f = new OrderFixture();

    @Test
    void anAcceptedCallbackPaysTheOrderAndCommitsPaidOrderSuccess() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        f.payCallbackService.payCallback(callback("O1", 10, 1000));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.PAID);
        assertThat(f.isPaid("O1")).isTrue();
        assertThat(f.mq.to(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC)).hasSize(1);
        RecordingMqProducer.Sent paid = f.mq.to(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC).get(0);
        assertThat(paid.keys()).isEqualTo("O1");
        assertThat(f.payCallbackService.isPaymentAccepted("O1", paid.attemptId())).isTrue();
    }

    @Test
    void theCheckBackOfAnAttemptWhoseLocalTransactionNeverRanRollsBackThoughAnotherAttemptPaidTheOrder() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);
        f.payCallbackService.payCallback(callback("O1", 10, 1000));

        // the half message of an earlier attempt whose send outcome was lost carries an id no local transaction wrote
        assertThat(f.payCallbackService.isPaymentAccepted("O1", "an-attempt-that-never-ran")).isFalse();
    }

    @Test
    void theSameCallbackAgainChangesNothing() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);
        f.payCallbackService.payCallback(callback("O1", 10, 1000));

        f.payCallbackService.payCallback(callback("O1", 10, 1000));

        assertThat(f.mq.to(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC)).hasSize(1);
        assertThat(f.pay.refundCalls).isEmpty();
    }

    @Test
    void aPaymentAfterTheCancelIsRefundedExactlyOnceHoweverOftenTheGatewayRetries() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);
        CancelOrderRequest cancel = new CancelOrderRequest();
        cancel.setOrderId("O1");
        cancel.setUserId(OrderFixture.USER);
        f.cancelOrderService.cancelOrder(cancel);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> f.payCallbackService.payCallback(callback("O1", 10, 1000)))
                    .isInstanceOfSatisfying(BizException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ORDER_CANCEL_PAY_CALLBACK_REFUNDED));
        }

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CANCELED);
        assertThat(f.isPaid("O1")).isFalse();
        assertThat(f.pay.refunds).containsOnlyKeys(RefundRequestIds.forUnacceptedPayment("O1", 10)).containsValue(1000);
        assertThat(f.orders.paymentRecords.get("O1/10").status()).isEqualTo(PaymentRecordStatus.REFUNDED);
        assertThat(f.mq.to(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC)).isEmpty();
    }

    @Test
    void aSecondPaymentWithAnotherPayTypeIsRefundedAndTheFirstKept() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);
        f.payCallbackService.payCallback(callback("O1", 10, 1000));

        assertThatThrownBy(() -> f.payCallbackService.payCallback(callback("O1", 20, 1000)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ORDER_PAY_TYPE_REPEAT_REFUNDED));

        assertThat(f.orders.payments.get("O1").payType()).isEqualTo(10);
        assertThat(f.pay.refunds).containsOnlyKeys(RefundRequestIds.forUnacceptedPayment("O1", 20));
    }

    @Test
    void aCallbackWithAnotherAmountIsRefusedAndRecordsNothing() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);

        assertThatThrownBy(() -> f.payCallbackService.payCallback(callback("O1", 10, 999)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.ORDER_CALLBACK_PAY_AMOUNT_ERROR));

        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CREATED);
        assertThat(f.pay.refundCalls).isEmpty();
        assertThat(f.mq.sent).isEmpty();
    }

    @Test
    void malformedCallbacksAreInvalidParameters() {
        f.unpaidOrder("O1", Instant.now().plusSeconds(600), null);
        PayCallbackRequest noTradeNo = callback("O1", 10, 1000);
        noTradeNo.setOutTradeNo(null);

        for (PayCallbackRequest bad : new PayCallbackRequest[]{callback("O1", 30, 1000), callback("O1", 10, -1), noTradeNo}) {
            assertThatThrownBy(() -> f.payCallbackService.payCallback(bad))
                    .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.PARAM_INVALID));
        }
        assertThat(f.orders.order("O1").status()).isEqualTo(OrderStatusEnum.CREATED);
    }

    private static PayCallbackRequest callback(String orderId, int payType, int amount) {
        PayCallbackRequest request = new PayCallbackRequest();
        request.setOrderId(orderId);
        request.setPayType(payType);
        request.setPayAmount(amount);
        request.setOutTradeNo("T-" + orderId + "-" + payType);
        return request;
    }
}
