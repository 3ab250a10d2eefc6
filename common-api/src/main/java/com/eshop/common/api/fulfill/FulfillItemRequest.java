package com.eshop.common.api.fulfill;

import lombok.Data;

import java.io.Serializable;


@Data
public class FulfillItemRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String skuCode;
    private String productName;
    private Integer saleQuantity;
    private Integer salePrice;
}
