package com.eshop.common.api.wms;

import lombok.Data;

import java.io.Serializable;


@Data
public class DeliveryOrderDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String deliveryOrderId;
    private String orderId;
    private String fulfillId;
    private Integer status;
}
