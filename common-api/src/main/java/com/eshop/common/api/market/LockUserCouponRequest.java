package com.eshop.common.api.market;

import lombok.Data;

import java.io.Serializable;


@Data
public class LockUserCouponRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    private String userId;
    private String couponId;
    private String orderId;
}
