package com.eshop.common.api.order;

import com.eshop.common.api.Required;
import lombok.Data;

import java.io.Serializable;
import java.util.List;

@Data
public class CreateOrderRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Optional client-chosen id (makes a retried create detectable); generated when absent. */
    private String orderId;
    @Required
    private String userId;
    private Integer businessIdentifier;
    private Integer orderType;
    /** Optional coupon to use. */
    private String couponId;
    /** The amount the client expects to pay, in cents; checked against the computed amount. */
    private Integer payAmount;
    @Required
    private List<OrderItemRequest> orderItemRequestList;
}
