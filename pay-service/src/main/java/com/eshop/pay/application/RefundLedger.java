package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.pay.domain.PayCapture;
import com.eshop.pay.domain.PayCaptureRepository;
import com.eshop.pay.domain.PayRefund;
import com.eshop.pay.domain.PayRefundRepository;
import com.eshop.support.error.BizException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books one refund against the capture of its trade in one local transaction: the capture row is locked, so two
 * refunds of the same trade are decided one after the other and together never exceed what was captured.
 */
@Component
public class RefundLedger {
    private final PayCaptureRepository captureRepository;
    private final PayRefundRepository refundRepository;

    public RefundLedger(PayCaptureRepository captureRepository, PayRefundRepository refundRepository) {
        this.captureRepository = captureRepository;
        this.refundRepository = refundRepository;
    }

    /** true when this call booked the refund, false when its refund request id was already booked. */
    @Transactional(rollbackFor = Exception.class)
    public boolean book(PayRefund wanted) {
        PayCapture capture = captureRepository.lockByOutTradeNo(wanted.outTradeNo())
                .filter(c -> c.covers(wanted.orderId(), wanted.payType()))
                .orElseThrow(() -> new BizException(ErrorCode.PAY_CAPTURE_NOT_FOUND, "no payment of order " + wanted.orderId()
                        + " with pay type " + wanted.payType() + " was captured under trade " + wanted.outTradeNo()));
        if (refundRepository.findByRefundRequestId(wanted.refundRequestId()).isPresent()) {
            return false;
        }
        long refunded = refundRepository.sumRefundedByOutTradeNo(wanted.outTradeNo());
        if (!capture.canRefund(refunded, wanted.refundAmount())) {
            throw new BizException(ErrorCode.PAY_REFUND_EXCEEDS_CAPTURE, "trade " + wanted.outTradeNo() + " captured "
                    + capture.payAmount() + " cents, " + refunded + " already refunded; " + wanted.refundAmount() + " more refused");
        }
        return refundRepository.insert(wanted);
    }
}
