package com.eshop.common.api.market;

import lombok.Data;

import java.io.Serializable;


@Data
public class UserCouponDTO implements Serializable {
    private static final long serialVersionUID = 1L;

    private String couponId;
    private String userId;
    private Integer amount;
    /** 0 = unused, 1 = locked or used by {@link #orderId}. */
    private Integer used;
    private String orderId;
}
