package com.eshop.order.domain;

import com.eshop.common.api.enums.OrderStatusEnum;

import java.time.Instant;

/** An order as stored (order_info); amounts in cents. */
public record Order(String orderId, String userId, Integer businessIdentifier, Integer orderType, OrderStatusEnum status,
                    Integer cancelType, Instant cancelTime, String couponId, int totalAmount, int couponAmount,
                    int payAmount, Integer payType, Instant expireTime, Instant createdTime) {

    /** A new unpaid order, before a coupon is applied: it pays the total. */
    public static Order created(String orderId, String userId, Integer businessIdentifier, Integer orderType, String couponId,
                                int totalAmount, Instant expireTime) {
        return new Order(orderId, userId, businessIdentifier, orderType, OrderStatusEnum.CREATED, null, null, couponId,
                totalAmount, 0, totalAmount, null, expireTime, null);
    }

    /** This order with its coupon's amount taken off what is to be paid. */
    public Order withCouponAmount(int amount) {
        return new Order(orderId, userId, businessIdentifier, orderType, status, cancelType, cancelTime, couponId,
                totalAmount, amount, totalAmount - amount, payType, expireTime, createdTime);
    }

    public boolean isOwnedBy(String user) {
        return userId.equals(user);
    }

    public boolean isExpiredAt(Instant now) {
        return !expireTime.isAfter(now);
    }

    /** Still unpaid at its expire time: the pay timeout cancels it. */
    public boolean isDueForTimeout(Instant now) {
        return status == OrderStatusEnum.CREATED && isExpiredAt(now);
    }
}
