package com.eshop.common.api.order;

import com.eshop.common.api.CodeOf;
import com.eshop.common.api.Required;
import com.eshop.common.api.enums.OrderCancelTypeEnum;
import lombok.Data;

import java.io.Serializable;


@Data
public class CancelOrderRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    @Required
    private String orderId;
    @Required
    private String userId;
    /** 0 = cancelled by the user (default), 1 = pay timeout. */
    @CodeOf(OrderCancelTypeEnum.class)
    private Integer cancelType;
    private Integer businessIdentifier;
    private Integer orderType;
}
