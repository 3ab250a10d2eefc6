package com.eshop.consistency;

/** The order_status codes of order_info the workload waits for and reports. */
final class OrderStatusCodes {
    static final int CREATED = 10;
    static final int CANCELED = 70;
    static final int OUT_STOCK = 40;

    private OrderStatusCodes() {
    }

    static String statusName(int s) {
        return switch (s) {
            case 10 -> "CREATED";
            case 20 -> "PAID";
            case 30 -> "FULFILL";
            case 40 -> "OUT_STOCK";
            case 50 -> "DELIVERY";
            case 60 -> "SIGNED";
            case 70 -> "CANCELED";
            default -> String.valueOf(s);
        };
    }
}
