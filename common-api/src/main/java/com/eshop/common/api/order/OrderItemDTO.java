package com.eshop.common.api.order;

import lombok.Data;

import java.io.Serializable;


@Data
public class OrderItemDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderItemId;
    private String orderId;
    private String skuCode;
    private String productName;
    private Integer salePrice;
    private Integer saleQuantity;
    private Integer originAmount;
}
