package com.eshop.common.api.mq;

import lombok.Data;

import java.io.Serializable;


@Data
public class PaidOrderSuccessMessage implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String outTradeNo;
}
