package com.eshop.common.api.order;

import lombok.Data;

import java.io.Serializable;
import java.util.Date;

@Data
public class CreateOrderDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private Integer payAmount;
    private Date expireTime;
}
