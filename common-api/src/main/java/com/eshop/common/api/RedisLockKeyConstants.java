package com.eshop.common.api;

/** Distributed-lock key prefixes; the order id (or after-sale id) is appended. */
public final class RedisLockKeyConstants {
    /** Pre-pay and pay callback (section 10). */
    public static final String ORDER_PAY_KEY = "order:pay:";
    /** Cancel, pay callback and the fulfillment trigger (sections 3, 10). */
    public static final String CANCEL_KEY = "order:cancel:";
    /** Refund preparation per order (processCancelOrder). */
    public static final String REFUND_KEY = "order:refund:";
    /** Actual refund per after-sale (refundMoney). */
    public static final String REFUND_MONEY_KEY = "order:refund-money:";
    /** Coupon release per coupon (market). */
    public static final String RELEASE_COUPON_KEY = "market:release-coupon:";
    /** Stock release per order (inventory). */
    public static final String RELEASE_PRODUCT_STOCK_KEY = "inventory:release-stock:";

    private RedisLockKeyConstants() {
    }
}
