package com.eshop.order.domain;

/** A payment reported by the gateway (order_payment_record): the accepted one, or one the order refunds. */
public record PaymentRecord(String orderId, int payType, String outTradeNo, int payAmount, PaymentRecordStatus status,
                            String refundRequestId) {
}
