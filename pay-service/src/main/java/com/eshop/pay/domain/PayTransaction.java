package com.eshop.pay.domain;

import java.util.UUID;

/** A pre-pay transaction: one per (order, pay type), identified towards the payer by its out trade number. */
public record PayTransaction(String outTradeNo, String orderId, String userId, int payType, int payAmount, int status) {

    public static PayTransaction waiting(String orderId, String userId, int payType, int payAmount) {
        return new PayTransaction(newOutTradeNo(), orderId, userId, payType, payAmount, PayTransactionStatus.WAITING.code());
    }

    static String newOutTradeNo() {
        return "T" + UUID.randomUUID().toString().replace("-", "");
    }
}
