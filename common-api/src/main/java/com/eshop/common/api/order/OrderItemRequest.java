package com.eshop.common.api.order;

import com.eshop.common.api.Required;
import lombok.Data;

import java.io.Serializable;


@Data
public class OrderItemRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    @Required
    private String skuCode;
    @Required
    private Integer saleQuantity;
}
