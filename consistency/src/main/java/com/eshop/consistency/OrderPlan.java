package com.eshop.consistency;

import java.util.List;
import java.util.Map;

/**
 * What the workload does with one order, fixed by the seed: the flow it follows, its user, whether it uses a
 * coupon, its items, and its script of steps. Timing is the system's.
 */
public record OrderPlan(int index, String orderId, Flow flow, String userId, boolean wantsCoupon,
                        Map<String, Integer> items, List<Step> steps) {

    /** The kinds of order lives the workload mixes. */
    public enum Flow {
        /** create, pre-pay, pay; maybe the same callback again: stays alive (FULFILL). */
        PAY_KEEP,
        /** paid, maybe fulfilled, then cancelled by the user; maybe a repeated callback afterwards. */
        PAY_THEN_CANCEL,
        /** cancelled before payment; maybe paid afterwards (late callback: refunded), maybe cancelled again. */
        UNPAID_CANCEL,
        /** never paid: the pay-timeout message (or the scan) cancels it; maybe a late callback after that. */
        TIMEOUT,
        /** pre-paid, then the pay callback and a cancel at the same moment. */
        PAY_VS_CANCEL,
        /** paid with one pay type, then with the other (refunded); maybe cancelled afterwards. */
        SECOND_PAY_TYPE,
        /** paid, fulfilled, out of stock, then a cancel that must be refused. */
        OUT_STOCK_THEN_CANCEL,
        /** paid, fulfilled, then out-stock and cancel at the same moment. */
        OUT_STOCK_VS_CANCEL,
        /** paid right at the expire time: the payment races the timeout cancel. */
        PAY_AT_EXPIRY,
        /** two cancels of one paid order at the same moment. */
        DOUBLE_CANCEL,
        /** creation refused (insufficient stock) after the coupon was locked: everything must roll back. */
        REFUSED_CREATE
    }
}
