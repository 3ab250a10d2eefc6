package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.PayTypeEnum;
import com.eshop.common.api.pay.PayPrePayDTO;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.common.api.pay.PayRefundDTO;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.pay.domain.PayRefund;
import com.eshop.pay.domain.PayRefundRepository;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionRepository;
import com.eshop.support.error.BizException;
import com.eshop.support.error.Checks;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

import java.util.List;

/** Pre-pay and refunds. Both writes are guarded by unique keys, so a retried or concurrent duplicate changes nothing. */
@Slf4j
@Service
public class PayService {
    private final PayTransactionRepository transactionRepository;
    private final PayRefundRepository refundRepository;
    private final RefundLedger refundLedger;
    private final RefundGatewayFaults faults;
    private final RefundNotifier refundNotifier;

    public PayService(PayTransactionRepository transactionRepository, PayRefundRepository refundRepository,
                      RefundLedger refundLedger, RefundGatewayFaults faults,
                      RefundNotifier refundNotifier) {
        this.transactionRepository = transactionRepository;
        this.refundRepository = refundRepository;
        this.refundLedger = refundLedger;
        this.faults = faults;
        this.refundNotifier = refundNotifier;
    }

    /** The transaction for (order, pay type): the existing one, or a new one with a fresh out trade number. */
    public PayPrePayDTO prePay(PayPrePayRequest request) {
        Checks.notNull(request, "request");
        String orderId = Checks.id(request.getOrderId(), "orderId");
        String userId = Checks.id(request.getUserId(), "userId");
        int payType = payType(request.getPayType());
        int payAmount = Checks.positiveAmount(request.getPayAmount(), "payAmount");

        PayTransaction transaction = transactionRepository.findByOrderIdAndPayType(orderId, payType).orElse(null);
        if (transaction == null) {
            PayTransaction created = PayTransaction.waiting(orderId, userId, payType, payAmount);
            transaction = transactionRepository.insert(created) ? created
                    : transactionRepository.findByOrderIdAndPayType(orderId, payType).orElseThrow(() ->
                    new BizException(ErrorCode.SYSTEM_ERROR, "pay transaction of " + orderId + " neither inserted nor found"));
        }
        PayPrePayDTO dto = new PayPrePayDTO();
        dto.setOrderId(transaction.orderId());
        dto.setOutTradeNo(transaction.outTradeNo());
        dto.setPayType(transaction.payType());
        dto.setPayAmount(transaction.payAmount());
        return dto;
    }

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
                payType(request.getPayType()),
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

    public List<PayRefundDTO> listRefunds(String orderId) {
        Checks.id(orderId, "orderId");
        return refundRepository.listByOrderId(orderId).stream().map(refund -> {
            PayRefundDTO dto = new PayRefundDTO();
            dto.setRefundRequestId(refund.refundRequestId());
            dto.setOrderId(refund.orderId());
            dto.setRefundAmount(refund.refundAmount());
            dto.setStatus(refund.status());
            return dto;
        }).toList();
    }

    private static int payType(Integer code) {
        return PayTypeEnum.find(code).orElseThrow(() -> BizException.invalid("payType " + code + " is not supported")).getCode();
    }
}
