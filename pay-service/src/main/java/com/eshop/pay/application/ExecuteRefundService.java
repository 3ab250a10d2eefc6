package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.pay.domain.PayRefund;
import com.eshop.pay.domain.PayRefundRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

/** Refunds; the unique refund request id makes a retried or concurrent duplicate change nothing. */
@Slf4j
@Service
@RequiredArgsConstructor
public class ExecuteRefundService {
    private final PayRefundRepository refundRepository;
    private final RefundLedger refundLedger;
    private final RefundGatewayFaults faults;
    private final RefundNotifier refundNotifier;

    /**
     * Refunds once per refund request id (the article's defect 9), never beyond the capture of the order's trade,
     * and notifies order-service of the refund (again on every repeat, so a lost notification is re-sent). The same id again with the same content is answered
     * with the first outcome without a second refund, also when two requests race (the unique key decides);
     * the same id with different content is PAY_REFUND_CONFLICT.
     */
    public Boolean executeRefund(PayRefundRequest request) {
        Checks.notNull(request, "request");
        PayRefund wanted = PayRefund.succeeded(
                Checks.id(request.getRefundRequestId(), "refundRequestId", PayRefundRequest.MAX_REFUND_REQUEST_ID_LENGTH),
                Checks.id(request.getOrderId(), "orderId"),
                Checks.id(request.getOutTradeNo(), "outTradeNo"),
                PayTypes.supported(request.getPayType()),
                Checks.positiveAmount(request.getRefundAmount(), "refundAmount"));
        faults.beforeRefund(wanted.refundRequestId());

        PayRefund existing = refundRepository.findByRefundRequestId(wanted.refundRequestId()).orElse(null);
        if (existing == null) {
            if (refundLedger.book(wanted)) {
                log.info("refunded {} cents of order {} (request {})", wanted.refundAmount(), wanted.orderId(),
                        wanted.refundRequestId());
                refundNotifier.refunded(wanted);
                faults.afterRefund(wanted.refundRequestId());
                return true;
            }
            existing = refundRepository.findByRefundRequestId(wanted.refundRequestId()).orElseThrow(() ->
                    new BizException(ErrorCode.SYSTEM_ERROR, "refund " + wanted.refundRequestId() + " neither inserted nor found"));
        }
        if (!wanted.isReplayOf(existing)) {
            throw new BizException(ErrorCode.PAY_REFUND_CONFLICT, "refund request " + wanted.refundRequestId()
                    + " was already used for " + existing.refundAmount() + " cents of order " + existing.orderId());
        }
        log.info("refund request {} repeated: already refunded, notified again", wanted.refundRequestId());
        // a notification lost after the first refund is sent again whenever the caller retries
        refundNotifier.refunded(existing);
        return true;
    }
}
