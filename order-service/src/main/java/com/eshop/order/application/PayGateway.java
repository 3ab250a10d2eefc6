package com.eshop.order.application;

/** pay-service, the payment gateway's side of the suite. A refusal is thrown. */
public interface PayGateway {
    /** Returns the gateway's trade number for the payment. */
    String prePay(String orderId, String userId, int payType, int payAmount);

    /** The gateway's payment notification, recorded where refunds are checked against it. */
    void recordCapture(String orderId, int payType, String outTradeNo, int payAmount);

    /** Refunds once per refundRequestId, however often it is called. */
    void executeRefund(String refundRequestId, String orderId, String outTradeNo, Integer payType, int amount);
}
