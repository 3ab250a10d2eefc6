package com.eshop.common.api.market;

import lombok.Data;

import java.io.Serializable;


@Data
public class ReleaseUserCouponRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String userId;
    private String couponId;
    /** Only a coupon locked by this order is released. */
    private String orderId;
}
