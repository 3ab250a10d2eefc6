package com.eshop.common.api.wms;

import lombok.Data;

import java.io.Serializable;
import java.util.List;

@Data
public class PickGoodsRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String fulfillId;
    private List<PickItemRequest> pickItems;
}
