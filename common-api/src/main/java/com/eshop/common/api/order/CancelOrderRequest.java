package com.eshop.common.api.order;

import lombok.Data;

import java.io.Serializable;


@Data
public class CancelOrderRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    /** 0 = cancelled by the user (default), 1 = pay timeout. */
    private Integer cancelType;
    private Integer businessIdentifier;
    private Integer orderType;
}
