package com.eshop.pay.domain;

/** What the gateway's verified notification says it took: this amount, for this trade, with this pay type. */
public record PaymentNotification(String notificationId, String outTradeNo, String orderId, int payType, int payAmount) {
}
