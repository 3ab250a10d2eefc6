package com.eshop.common.api.fulfill;

import lombok.Data;

import java.io.Serializable;


@Data
public class CancelFulfillRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
}
