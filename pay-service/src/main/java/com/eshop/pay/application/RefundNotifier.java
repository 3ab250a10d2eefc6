package com.eshop.pay.application;

import com.eshop.pay.domain.PayRefund;

/** The gateway's refund notification to the merchant (order-service). A failure is thrown: the caller retries. */
public interface RefundNotifier {
    void refunded(PayRefund refund);
}
