package com.eshop.common.api.pay;

import lombok.Data;

import java.io.Serializable;


@Data
public class PayPrePayRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    private Integer payType;
    private Integer payAmount;
}
