package com.eshop.common.api.tms;

import lombok.Data;

import java.io.Serializable;


@Data
public class LogisticOrderDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String logisticOrderId;
    private String orderId;
    private Integer status;
}
