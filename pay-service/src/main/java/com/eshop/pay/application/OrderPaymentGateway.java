package com.eshop.pay.application;

/** order-service, told of a payment pay-service verified and captured. A refusal is thrown. */
public interface OrderPaymentGateway {
    /** The pay callback of the article's section 11: order-service keeps the payment or refunds it. */
    void paymentReceived(String orderId, int payType, String outTradeNo, int payAmount);
}
