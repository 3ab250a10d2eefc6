package com.eshop.common.api.inventory;

import lombok.Data;

import java.io.Serializable;


@Data
public class StockItemRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String skuCode;
    private Integer saleQuantity;
}
