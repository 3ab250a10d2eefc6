package com.eshop.order.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.mq.RefundCompletedMessage;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.order.domain.AfterSale;
import com.eshop.order.domain.AfterSaleLifecycle;
import com.eshop.order.domain.AfterSaleRefund;
import com.eshop.order.domain.AfterSaleRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import com.eshop.support.lock.RedisLock;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The gateway's refund notification (section 15, last step), as the {@link AfterSaleLifecycle} says: it completes a
 * REFUNDING after-sale (REFUNDED); at REVIEW_PASS it has overtaken refundMoney's record of the refund and is kept on the
 * refund row, so the after-sale completes when that record is made; a repeat changes nothing. A refund that belongs to
 * no after-sale (a payment the order did not keep) has nothing to complete.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class CompleteRefundService {
    private final AfterSaleRepository afterSaleRepository;
    private final RedisLock redisLock;
    private final CancelToRefundTimer cancelToRefundTimer;

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
            // the refund row read before the lock may be stale; each write below is conditional, a lost race is redelivered
            AfterSale afterSale = afterSaleRepository.findAfterSale(afterSaleId).orElseThrow();
            boolean applied = switch (AfterSaleLifecycle.onRefundNotified(afterSale, refund)) {
                case COMPLETES -> {
                    boolean refunded = afterSaleRepository.markRefunded(afterSaleId);
                    if (refunded) {
                        log.info("after-sale {} refunded", afterSaleId);
                        cancelToRefundTimer.refunded(refund.orderId());
                    }
                    yield refunded;
                }
                case OVERTAKES_REFUND_RECORD -> {
                    log.info("refund of after-sale {} notified before refundMoney recorded it: it completes when recorded", afterSaleId);
                    yield afterSaleRepository.recordRefundNotified(afterSaleId);
                }
                case REPEATED -> {
                    log.info("refund notification of after-sale {} ({}) repeated: nothing to do", afterSaleId, afterSale.status());
                    yield true;
                }
            };
            if (!applied) {
                throw new BizException(ErrorCode.LOCK_BUSY, "after-sale " + afterSaleId + " changed while its notification was applied");
            }
        }
    }
}
