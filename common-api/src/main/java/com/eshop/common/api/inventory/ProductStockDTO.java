package com.eshop.common.api.inventory;

import lombok.Data;

import java.io.Serializable;


@Data
public class ProductStockDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String skuCode;
    private Integer saleStockQuantity;
    private Integer lockedStockQuantity;
    private Integer saledStockQuantity;
}
