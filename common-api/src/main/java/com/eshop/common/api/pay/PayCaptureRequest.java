package com.eshop.common.api.pay;

import lombok.Data;

import java.io.Serializable;

/** The gateway's notification that it took a payment: what later refunds of this trade are bounded by. */
@Data
public class PayCaptureRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private Integer payType;
    /** The gateway's trade number; one capture per trade number. */
    private String outTradeNo;
    private Integer payAmount;
}
