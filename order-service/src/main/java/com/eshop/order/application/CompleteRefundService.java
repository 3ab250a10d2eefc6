package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.mq.RefundCompletedMessage;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.order.domain.Order;
import com.eshop.order.domain.OrderRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.metrics.EshopMetrics;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The gateway's refund notification (section 15, last step): completes the after-sale of that refund, REFUNDING ->
 * REFUNDED; a repeat changes nothing. It may overtake refundMoney's own bookkeeping: while the after-sale is still
 * REVIEW_PASS it is refused, so the message comes back later. A refund that belongs to no after-sale (a payment the
 * order did not keep) has nothing to complete. Each completion records the time from the order's cancel
 * ({@link EshopMetrics#CANCEL_TO_REFUND}).
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class CompleteRefundService {
    private final AfterSaleRepository afterSaleRepository;
    private final RedisLock redisLock;
    private final OrderRepository orderRepository;
    private final EshopMetrics metrics;

    public void completeRefund(RefundCompletedMessage message) {
        String refundRequestId = Checks.id(message.getRefundRequestId(), "refundRequestId", PayRefundRequest.MAX_REFUND_REQUEST_ID_LENGTH);
        Optional<AfterSaleRefund> found = afterSaleRepository.findRefundByRequestId(refundRequestId);
        if (found.isEmpty()) {
            log.info("refund {} of order {} belongs to no after-sale: nothing to complete", refundRequestId, message.getOrderId());
            return;
        }
        AfterSaleRefund refund = found.get();
        if (message.getRefundAmount() == null || refund.refundAmount() != message.getRefundAmount()) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "refund " + refundRequestId + " notified with " + message.getRefundAmount()
                    + " cents, the after-sale refunds " + refund.refundAmount());
        }
        String afterSaleId = refund.afterSaleId();
        try (RedisLock.LockHandle ignored = redisLock.lock(OrderLocks.refundMoney(afterSaleId))) {
            if (afterSaleRepository.markRefunded(afterSaleId)) {
                log.info("after-sale {} refunded", afterSaleId);
                orderRepository.findOrder(refund.orderId()).map(Order::cancelTime)
                        .ifPresent(cancelTime -> metrics.cancelToRefund(Duration.between(cancelTime, Instant.now())));
            } else if (afterSaleRepository.findAfterSale(afterSaleId).filter(AfterSale::isRefundExecuted).isEmpty()) {
                throw new BizException(ErrorCode.LOCK_BUSY, "after-sale " + afterSaleId + " has not recorded its refund yet");
            }
        }
    }
}
