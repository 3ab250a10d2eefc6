package com.eshop.common.api.mq;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.enums.OrderStatusEnum;
import lombok.Data;

import java.io.Serializable;


@Data
public class PayOrderTimeoutDelayMessage implements Serializable {
    private static final long serialVersionUID = 1L;

    private String orderId;
    private String userId;
    private Integer businessIdentifier;
    private Integer orderType;
    @CodeOf(OrderStatusEnum.class)
    private Integer orderStatus;
    /** Epoch millis the order expires at; an earlier delivery is re-delayed to it. */
    private Long expireTimeMillis;
}
