package com.eshop.common.api.fulfill;

import lombok.Data;

import java.io.Serializable;


@Data
public class FulfillOrderDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String fulfillId;
    private String orderId;
    private Integer status;
    private Integer itemCount;
}
