package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleLifecycle;
import com.eshop.order.domain.AfterSaleLifecycle.Step;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.Map;

/**
 * The refund's second stage (section 15) on ACTUAL_REFUND, {@link Step#REFUND_MONEY} of the
 * {@link AfterSaleLifecycle}: the gateway refunds by the after-sale's fixed refund request id, so a redelivery never
 * refunds twice; then the after-sale moves on (REFUNDING, or REFUNDED when the gateway's notification came first),
 * and with the last item the order's coupon goes back, the one release of a paid order's coupon, as a transactional
 * message bound to that move.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class RefundMoneyService {
    /** Message property of the coupon release sent by refundMoney: its check-back looks the after-sale up. */
    public static final String AFTER_SALE_ID = "afterSaleId";

    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;
    private final PayGateway payGateway;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;
    private final CancelToRefundTimer cancelToRefundTimer;

    public void refundMoney(ActualRefundMessage message) {
        String afterSaleId = message.getAfterSaleId();
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.refundMoney(afterSaleId))) {
            AfterSale afterSale = afterSaleRepository.findAfterSale(afterSaleId).orElseThrow(() -> afterSaleNotFound(afterSaleId));
            if (AfterSaleLifecycle.nextStep(afterSale.status()) != Step.REFUND_MONEY) {
                log.info("after-sale {} is {}: already refunded", afterSaleId, afterSale.status());
                return;
            }
            AfterSaleRefund refund = afterSaleRepository.findRefund(afterSaleId).orElseThrow(() -> afterSaleNotFound(afterSaleId));
            payGateway.executeRefund(refund.refundRequestId(), refund.orderId(), refund.outTradeNo(), refund.payType(), refund.refundAmount());
            AfterSaleStatusEnum to = AfterSaleLifecycle.statusAfterRefund(refund);
            Order order = orderRepository.findOrder(refund.orderId()).orElseThrow(() -> OrderQueryService.notFound(refund.orderId()));
            if (message.isLastReturnGoods() && order.couponId() != null) {
                mqProducer.sendInTransaction(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC, order.orderId(),
                        ReleaseAssetsService.releaseUserCouponRequest(order.userId(), order.couponId(), order.orderId()),
                        Map.of(AFTER_SALE_ID, afterSaleId), attemptId -> recordRefund(afterSaleId, to, attemptId));
            } else {
                recordRefund(afterSaleId, to, null);
            }
            if (to == AfterSaleStatusEnum.REFUNDED) {
                log.info("after-sale {} refunded (its notification came first)", afterSaleId);
                cancelToRefundTimer.refunded(refund.orderId());
            }
        }
    }

    /** Check-back of the coupon release: that attempt recorded the after-sale's refund. */
    public boolean isRefundRecordedBy(String afterSaleId, String attemptId) {
        return afterSaleId != null && afterSaleRepository.isChangedBy(afterSaleId, attemptId);
    }

    private void recordRefund(String afterSaleId, AfterSaleStatusEnum to, String attemptId) {
        if (!afterSaleRepository.recordRefund(afterSaleId, to, attemptId)) {
            throw new BizException(ErrorCode.LOCK_BUSY, "after-sale " + afterSaleId + " left REVIEW_PASS meanwhile");
        }
    }

    private static BizException afterSaleNotFound(String afterSaleId) {
        return new BizException(ErrorCode.SYSTEM_ERROR, "after-sale " + afterSaleId + " not found");
    }
}
