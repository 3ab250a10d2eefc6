package com.eshop.common.api.pay;

import lombok.Data;

import java.io.Serializable;

/**
 * The body of the payment gateway's asynchronous notification to pay-service ({@code POST /pay/notifications}),
 * signed by the gateway (see common-support's GatewaySignature for the headers). The gateway sends one per payment
 * it took and re-sends the same notification (same id) until pay-service answers 2xx.
 */
@Data
public class GatewayPaymentNotification implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The only trade state the gateway notifies. */
    public static final String TRADE_SUCCESS = "SUCCESS";

    /** The gateway's id of this notification, the same on every re-delivery. */
    private String notificationId;
    /** The merchant's trade number, issued by pay-service's pre-pay. */
    private String outTradeNo;
    private String orderId;
    private Integer payType;
    /** Amount taken from the payer, in cents. */
    private Integer payAmount;
    private String tradeState;
    /** When the gateway took the payment, epoch milliseconds. */
    private Long successTime;
}
