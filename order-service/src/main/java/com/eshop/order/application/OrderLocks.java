package com.eshop.order.application;

import com.eshop.common.api.RedisLockKeyConstants;

/**
 * The Redis lock keys of an order's flows. A transactional message's check-back reads under the key its sender
 * holds around the local transaction, so both name it here.
 */
public final class OrderLocks {
    private OrderLocks() {
    }

    /** Cancel, pay callback, fulfilment and the check-back of RELEASE_ASSETS: one of them at a time per order. */
    public static String cancel(String orderId) {
        return RedisLockKeyConstants.CANCEL_KEY + orderId;
    }

    /** Pre-pay and pay callback, and the check-back of PAID_ORDER_SUCCESS. */
    public static String pay(String orderId) {
        return RedisLockKeyConstants.ORDER_PAY_KEY + orderId;
    }

    /** The refund request of a cancelled order, and the check-back of ACTUAL_REFUND. */
    public static String refundRequest(String orderId) {
        return RedisLockKeyConstants.REFUND_KEY + orderId;
    }

    /** The gateway refund of an after-sale and its completion, and the check-back of its coupon release. */
    public static String refundMoney(String afterSaleId) {
        return RedisLockKeyConstants.REFUND_MONEY_KEY + afterSaleId;
    }
}
