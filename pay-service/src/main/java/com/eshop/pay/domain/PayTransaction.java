package com.eshop.pay.domain;

import java.util.Optional;
import java.util.UUID;

/** A pre-pay transaction: one per (order, pay type), identified towards the payer by its out trade number. */
public record PayTransaction(String outTradeNo, String orderId, String userId, int payType, int payAmount, int status) {

    public static PayTransaction waiting(String orderId, String userId, int payType, int payAmount) {
        return new PayTransaction(newOutTradeNo(), orderId, userId, payType, payAmount, PayTransactionStatus.WAITING.code());
    }

    static String newOutTradeNo() {
        return "T" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Why a notification naming this trade does not describe the payment this transaction asked for, or empty when
     * it does: the payer can only have paid this order, with this pay type, this amount.
     */
    public Optional<String> mismatchWith(PaymentNotification notification) {
        if (!orderId.equals(notification.orderId())) {
            return Optional.of("trade " + outTradeNo + " belongs to another order than " + notification.orderId());
        }
        if (payType != notification.payType()) {
            return Optional.of("trade " + outTradeNo + " was opened for pay type " + payType + ", not " + notification.payType());
        }
        if (payAmount != notification.payAmount()) {
            return Optional.of("trade " + outTradeNo + " asked for " + payAmount + " cents, the notification says "
                    + notification.payAmount());
        }
        return Optional.empty();
    }

    /** The capture this transaction's payment books: the ceiling of every refund of the trade. */
    public PayCapture capture() {
        return new PayCapture(outTradeNo, orderId, payType, payAmount);
    }
}
