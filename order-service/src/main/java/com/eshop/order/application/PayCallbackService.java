package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.mq.PaidOrderSuccessMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderPayment;
import com.eshop.order.domain.OrderRepository;
import com.eshop.order.domain.PayCallbackDecision;
import com.eshop.order.domain.PaymentRecord;
import com.eshop.order.domain.PaymentRecordStatus;
import com.eshop.order.domain.RefundRequestIds;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The pay system's pay callback (sections 10, 11), called by pay-service after it verified the gateway's
 * notification and captured the payment under {@code outTradeNo}. Holds the pay lock (against concurrent callbacks and pre-pay) and
 * the cancel lock (against cancel), so an order is paid or cancelled, never both at once.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class PayCallbackService {
    private final OrderRepository orderRepository;
    private final PayGateway payGateway;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;

    public void payCallback(PayCallbackRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");
        int payType = PrePayOrderService.checkPayType(request.getPayType());
        // every refund of this payment is made against the gateway's trade number
        String outTradeNo = Checks.id(request.getOutTradeNo(), "outTradeNo");

        try (RedisLock.LockHandle ignored = redisLock.multiLock(List.of(OrderLocks.pay(orderId), OrderLocks.cancel(orderId)))) {
            Order order = orderRepository.findCommittedOrder(orderId).orElseThrow(() -> OrderQueryService.notFound(orderId));
            if (payAmount != order.payAmount()) {
                throw new BizException(ErrorCode.ORDER_CALLBACK_PAY_AMOUNT_ERROR,
                        "order pay amount is " + order.payAmount() + ", callback says " + payAmount);
            }
            Integer acceptedPayType = orderRepository.findPayment(orderId).filter(OrderPayment::isPaid).map(OrderPayment::payType).orElse(null);
            switch (PayCallbackDecision.decide(order.status(), acceptedPayType, payType)) {
                case ACCEPT -> sendPaidOrderSuccessMessage(orderId, payType, outTradeNo, payAmount);
                case ALREADY_ACCEPTED -> log.info("pay callback for {} repeated: nothing to do", orderId);
                case REFUND_PAID_AFTER_CANCEL -> {
                    refundUnacceptedPayment(orderId, payType, outTradeNo, payAmount);
                    throw new BizException(ErrorCode.ORDER_CANCEL_PAY_CALLBACK_REFUNDED);
                }
                case REFUND_OTHER_PAY_TYPE -> {
                    refundUnacceptedPayment(orderId, payType, outTradeNo, payAmount);
                    throw new BizException(ErrorCode.ORDER_PAY_TYPE_REPEAT_REFUNDED);
                }
            }
        }
    }

    /**
     * PAID_ORDER_SUCCESS, delivered iff its own local transaction, updateOrderStatusPaid, committed. The send's
     * attempt id is written with the payment: a callback retried after a send whose outcome was lost (the broker stored
     * the half message, the answer never came) leaves a half message whose check-back must roll it back even though a
     * later attempt paid the order.
     */
    private void sendPaidOrderSuccessMessage(String orderId, int payType, String outTradeNo, int payAmount) {
        PaidOrderSuccessMessage message = new PaidOrderSuccessMessage();
        message.setOrderId(orderId);
        message.setOutTradeNo(outTradeNo);
        LocalTransactionState state = mqProducer.sendInTransaction(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC, orderId, message,
                attemptId -> updateOrderStatusPaid(orderId, payType, outTradeNo, payAmount, attemptId));
        if (state != LocalTransactionState.COMMIT_MESSAGE) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "payment of " + orderId + " not confirmed yet; the callback may be retried");
        }
    }

    /** CREATED -> PAID with the accepted payment. */
    private void updateOrderStatusPaid(String orderId, int payType, String outTradeNo, int payAmount, String payAttemptId) {
        if (!orderRepository.markPaid(orderId, payType, outTradeNo, payAmount, payAttemptId)) {
            throw new BizException(ErrorCode.ORDER_STATUS_NOT_PAYABLE, "order " + orderId + " is no longer awaiting payment");
        }
    }

    /** Check-back of PAID_ORDER_SUCCESS: did that attempt's updateOrderStatusPaid commit? */
    public boolean isPaymentAccepted(String orderId, String payAttemptId) {
        return orderRepository.isPaidBy(orderId, payAttemptId);
    }

    /** Refunds a payment the order does not keep. The refund id is fixed per (order, pay type): retries refund once. */
    private void refundUnacceptedPayment(String orderId, int payType, String outTradeNo, int payAmount) {
        String refundRequestId = RefundRequestIds.forUnacceptedPayment(orderId, payType);
        PaymentRecord record = orderRepository.recordUnacceptedPayment(
                new PaymentRecord(orderId, payType, outTradeNo, payAmount, PaymentRecordStatus.REFUND_PENDING, refundRequestId));
        payGateway.executeRefund(record.refundRequestId(), orderId, record.outTradeNo(), payType, record.payAmount());
        orderRepository.markPaymentRefunded(orderId, payType);
        log.info("payment of {} with pay type {} refunded ({})", orderId, payType, refundRequestId);
    }
}
