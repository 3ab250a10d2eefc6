package com.eshop.order.domain;

import com.eshop.common.api.enums.PayStatusEnum;

import java.time.Instant;

/** The order's accepted payment (order_payment_detail): UNPAID until a pay callback is accepted. */
public record OrderPayment(String orderId, Integer payType, int payAmount, PayStatusEnum payStatus, String outTradeNo,
                           Instant payTime) {

    public static OrderPayment unpaid(String orderId, int payAmount) {
        return new OrderPayment(orderId, null, payAmount, PayStatusEnum.UNPAID, null, null);
    }

    /** The one meaning of "paid": money was taken and the order kept it, so a cancel refunds it. */
    public boolean isPaid() {
        return payStatus == PayStatusEnum.PAID;
    }

    /** {@link #isPaid()} of a payment status carried in a message (the order as it was when it was cancelled). */
    public static boolean isPaid(Integer payStatusCode) {
        return PayStatusEnum.PAID.getCode().equals(payStatusCode);
    }
}
