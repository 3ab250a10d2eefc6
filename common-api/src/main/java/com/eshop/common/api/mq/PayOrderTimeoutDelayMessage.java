package com.eshop.common.api.mq;

import lombok.Data;

import java.io.Serializable;


@Data
public class PayOrderTimeoutDelayMessage implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    private Integer businessIdentifier;
    private Integer orderType;
    private Integer orderStatus;
    /** Epoch millis the order expires at; an earlier delivery is re-delayed to it. */
    private Long expireTimeMillis;
}
