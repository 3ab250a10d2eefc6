package com.eshop.common.api.order;

import lombok.Data;

import java.io.Serializable;


@Data
public class OrderItemRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String skuCode;
    private Integer saleQuantity;
}
