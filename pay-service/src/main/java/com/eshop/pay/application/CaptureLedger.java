package com.eshop.pay.application;

import com.eshop.pay.domain.PayCaptureRepository;
import com.eshop.pay.domain.PayTransaction;
import com.eshop.pay.domain.PayTransactionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Books a verified payment: its capture and its transaction's PAID in one local transaction, once per trade. */
@Component
public class CaptureLedger {
    private final PayCaptureRepository captureRepository;
    private final PayTransactionRepository transactionRepository;

    public CaptureLedger(PayCaptureRepository captureRepository, PayTransactionRepository transactionRepository) {
        this.captureRepository = captureRepository;
        this.transactionRepository = transactionRepository;
    }

    /** A repeat (the gateway's re-delivery) finds the capture already there and changes nothing. */
    @Transactional(rollbackFor = Exception.class)
    public void capture(PayTransaction transaction) {
        captureRepository.insert(transaction.capture());
        transactionRepository.markPaid(transaction.outTradeNo());
    }
}
