package com.eshop.order.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a refund over the returned items in proportion to their amounts (rounded down); the last item takes what
 * rounding left, so the shares always add up to the refund.
 */
public final class RefundApportioning {
    private RefundApportioning() {
    }

    /** One share per item amount, in the same order. */
    public static List<Integer> apportion(int refundAmount, List<Integer> itemAmounts, int totalAmount) {
        List<Integer> shares = new ArrayList<>(itemAmounts.size());
        int remaining = refundAmount;
        for (int i = 0; i < itemAmounts.size(); i++) {
            int share = i == itemAmounts.size() - 1 ? remaining : (int) ((long) refundAmount * itemAmounts.get(i) / totalAmount);
            remaining -= share;
            shares.add(share);
        }
        return shares;
    }
}
