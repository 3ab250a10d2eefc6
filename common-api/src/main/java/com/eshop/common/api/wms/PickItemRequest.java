package com.eshop.common.api.wms;

import lombok.Data;

import java.io.Serializable;


@Data
public class PickItemRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String skuCode;
    private Integer pickQuantity;
}
