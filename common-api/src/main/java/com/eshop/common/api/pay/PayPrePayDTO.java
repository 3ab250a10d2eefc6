package com.eshop.common.api.pay;

import lombok.Data;

import java.io.Serializable;


@Data
public class PayPrePayDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String outTradeNo;
    private Integer payType;
    private Integer payAmount;
}
