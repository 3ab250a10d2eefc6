package com.eshop.common.api.order;

import lombok.Data;

import java.io.Serializable;


@Data
public class PayCallbackRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String payAccount;
    /** Amount paid, in cents. */
    private Integer payAmount;
    /** Gateway's trade number. */
    private String outTradeNo;
    private Integer payType;
    private String merchantId;
    private String payChannel;
    private String appid;
}
