package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.order.domain.AfterSale;
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
import java.util.UUID;

/**
 * The refund's second stage (section 15) on ACTUAL_REFUND: the gateway refunds by the after-sale's fixed refund
 * request id, so a redelivery never refunds twice; then REFUNDING, and on the last item the coupon release, the one
 * release of a paid order's coupon, as a transactional message bound to that update.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class RefundMoneyService {
    /** Message property of the coupon release sent by refundMoney: its check-back looks the after-sale up. */
    public static final String AFTER_SALE_ID = "afterSaleId";
    /** Message property of the coupon release: the attempt whose local transaction the message belongs to. */
    public static final String REQUEST_ID = "afterSaleRequestId";

    private final OrderRepository orderRepository;
    private final AfterSaleRepository afterSaleRepository;
    private final PayGateway payGateway;
    private final RedisLock redisLock;
    private final MqProducer mqProducer;

    public void refundMoney(ActualRefundMessage message) {
        String afterSaleId = message.getAfterSaleId();
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.refundMoney(afterSaleId))) {
            AfterSale afterSale = afterSaleRepository.findAfterSale(afterSaleId).orElseThrow(() -> afterSaleNotFound(afterSaleId));
            AfterSaleRefund refund = afterSaleRepository.findRefund(afterSaleId).orElseThrow(() -> afterSaleNotFound(afterSaleId));
            if (afterSale.isRefundExecuted()) {
                log.info("after-sale {} already refunded", afterSaleId);
                return;
            }
            payGateway.executeRefund(refund.refundRequestId(), refund.orderId(), refund.outTradeNo(), refund.payType(), refund.refundAmount());
            Order order = orderRepository.findOrder(refund.orderId()).orElseThrow(() -> OrderQueryService.notFound(refund.orderId()));
            if (message.isLastReturnGoods() && order.couponId() != null) {
                String requestId = UUID.randomUUID().toString();
                mqProducer.sendInTransaction(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC, order.orderId(),
                        ReleaseAssetsService.releaseUserCouponRequest(order.userId(), order.couponId(), order.orderId()),
                        Map.of(AFTER_SALE_ID, afterSaleId, REQUEST_ID, requestId), () -> afterSaleRepository.markRefunding(afterSaleId, requestId));
            } else {
                afterSaleRepository.markRefunding(afterSaleId, null);
            }
        }
    }

    /** Check-back of the coupon release: that attempt recorded the after-sale's refund. */
    public boolean isRefundExecutedBy(String afterSaleId, String requestId) {
        return afterSaleId != null && requestId != null && afterSaleRepository.isChangedBy(afterSaleId, requestId);
    }

    private static BizException afterSaleNotFound(String afterSaleId) {
        return new BizException(ErrorCode.SYSTEM_ERROR, "after-sale " + afterSaleId + " not found");
    }
}
