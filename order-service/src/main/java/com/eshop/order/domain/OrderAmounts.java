package com.eshop.order.domain;

import java.util.List;

/** Order pricing: item amounts, total, coupon, pay amount. Sums are computed in long and bounded. */
public final class OrderAmounts {
    private OrderAmounts() {
    }

    public record Line(String skuCode, int salePrice, int quantity) {
        public long amount() {
            return (long) salePrice * quantity;
        }
    }

    /** Total of all lines; empty when it exceeds {@code maxAmount}. */
    public static java.util.OptionalInt total(List<Line> lines, int maxAmount) {
        long total = 0;
        for (Line line : lines) {
            total += line.amount();
            if (total > maxAmount) {
                return java.util.OptionalInt.empty();
            }
        }
        return java.util.OptionalInt.of((int) total);
    }

    /** A coupon applies only when it leaves something to pay. */
    public static boolean couponApplies(int totalAmount, int couponAmount) {
        return couponAmount >= 0 && couponAmount < totalAmount;
    }
}
