package com.eshop.common.api.fulfill;

import lombok.Data;

import java.io.Serializable;
import java.util.List;

@Data
public class ReceiveFulfillRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    private Integer payAmount;
    private List<FulfillItemRequest> fulfillItems;
}
