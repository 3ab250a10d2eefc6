package com.eshop.order.application;

/** pay-service, the payment gateway's side of the suite. A refusal is thrown. */
public interface PayGateway {
    /** Returns the gateway's trade number for the payment. */
    String prePay(String orderId, String userId, int payType, int payAmount);

    /** Refunds once per refundRequestId, however often it is called. */
    void executeRefund(String refundRequestId, String orderId, String outTradeNo, Integer payType, int amount);
}
