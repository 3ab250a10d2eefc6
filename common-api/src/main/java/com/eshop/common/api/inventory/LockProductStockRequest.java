package com.eshop.common.api.inventory;

import lombok.Data;

import java.io.Serializable;
import java.util.List;

@Data
public class LockProductStockRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private List<StockItemRequest> orderItemRequestList;
}
