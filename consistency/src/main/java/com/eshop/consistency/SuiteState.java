package com.eshop.consistency;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link InvariantChecker} read from the seven databases in one pass: rows by order, stock by SKU, coupons. */
final class SuiteState {
    static final int CREATED = 10;
    static final int PAID = 20;
    static final int FULFILL = 30;
    static final int OUT_STOCK = 40;
    static final int CANCELED = 70;
    static final int LOG_LOCKED = 10;
    static final int LOG_RELEASED = 20;
    static final int LOG_DEDUCTED = 30;
    static final int RECORD_ACCEPTED = 10;
    /** pay_transaction.status of a trade whose payment the gateway notified (PayTransactionStatus.PAID). */
    static final int TRANSACTION_PAID = 20;
    static final int PAY_STATUS_PAID = 20;
    static final int AFTER_SALE_REFUNDED = 60;
    static final int REFUND_SUCCESS = 20;
    static final int DELIVERY_OUT_STOCK = 20;
    /** Fulfill, delivery and logistic orders are intercepted by this status; the rows are kept, never deleted. */
    static final int ROW_CANCELLED = 90;

    record OrderRow(String orderId, String userId, int status, Integer cancelType, String couponId, int couponAmount,
                    int payAmount, Integer payType, Object expireTime, long msPastExpire, Object cancelTime) {
        Map<String, Object> evidence() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("order_status", status);
            m.put("user_id", userId);
            m.put("coupon_id", couponId);
            m.put("pay_amount", payAmount);
            m.put("cancel_type", cancelType);
            m.put("expire_time", expireTime);
            if (cancelTime != null) {
                m.put("cancel_time", cancelTime);
            }
            return m;
        }
    }

    record StockLog(String orderId, String sku, int quantity, int status) {
        @Override
        public String toString() {
            return sku + "x" + quantity + ":" + statusName(status);
        }

        static String statusName(int s) {
            return switch (s) {
                case LOG_LOCKED -> "LOCKED";
                case LOG_RELEASED -> "RELEASED";
                case LOG_DEDUCTED -> "DEDUCTED";
                default -> String.valueOf(s);
            };
        }
    }

    record PaymentDetail(Integer payType, int payAmount, int payStatus, String outTradeNo) {
        boolean accepted() {
            return payStatus == PAY_STATUS_PAID;
        }

        @Override
        public String toString() {
            return "{pay_type=" + payType + ", pay_amount=" + payAmount + ", pay_status=" + payStatus + "}";
        }
    }

    record PaymentRecord(int payType, String outTradeNo, int payAmount, int status, String refundRequestId) {
        @Override
        public String toString() {
            return "{pay_type=" + payType + ", out_trade_no=" + outTradeNo + ", pay_amount=" + payAmount + ", status=" + status
                    + (refundRequestId == null ? "" : ", refund_request_id=" + refundRequestId) + "}";
        }
    }

    /** A payment pay-service captured from a verified gateway notification, and whether its pre-pay transaction is PAID. */
    record Capture(String outTradeNo, int payType, int payAmount, boolean transactionPaid) {
        @Override
        public String toString() {
            return "{out_trade_no=" + outTradeNo + ", pay_type=" + payType + ", pay_amount=" + payAmount
                    + ", transaction " + (transactionPaid ? "PAID" : "not PAID") + "}";
        }
    }

    record Refund(String refundRequestId, String orderId, Integer payType, int amount, int status) {
        @Override
        public String toString() {
            return "{" + refundRequestId + ", " + amount + ", status=" + status + "}";
        }
    }

    record AfterSale(String afterSaleId, int status, int realRefundAmount) {
        @Override
        public String toString() {
            return "{" + afterSaleId + ", status=" + status + ", real_refund_amount=" + realRefundAmount + "}";
        }
    }

    record AfterSaleRefund(String afterSaleId, String refundRequestId, int amount, int refundStatus) {
        @Override
        public String toString() {
            return "{" + afterSaleId + ", " + refundRequestId + ", " + amount + ", refund_status=" + refundStatus + "}";
        }
    }

    record Coupon(String couponId, String userId, int used, String orderId) {
        Map<String, Object> evidence() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("coupon_id", couponId);
            m.put("user_id", userId);
            m.put("used", used);
            m.put("order_id", orderId);
            return m;
        }
    }

    /** The fulfill / delivery / logistic rows of one order ("live" = not CANCELLED), in insertion order. */
    record Rows(int count, int cancelled, Integer maxLiveStatus, List<String> idsAndStatuses) {
        int live() {
            return count - cancelled;
        }

        static int live(Rows rows) {
            return rows == null ? 0 : rows.live();
        }

        static int cancelled(Rows rows) {
            return rows == null ? 0 : rows.cancelled();
        }

        static int count(Rows rows) {
            return rows == null ? 0 : rows.count();
        }

        @Override
        public String toString() {
            return idsAndStatuses.toString();
        }
    }

    record OpLogs(int cancels, int outStocks) {
    }

    final Map<String, OrderRow> orders = new LinkedHashMap<>();
    final Map<String, Map<String, Integer>> items = new HashMap<>();
    final Map<String, PaymentDetail> details = new HashMap<>();
    final Map<String, List<PaymentRecord>> records = new HashMap<>();
    final Map<String, OpLogs> opLogs = new HashMap<>();
    final Map<String, List<AfterSale>> afterSales = new HashMap<>();
    final Map<String, List<AfterSaleRefund>> afterSaleRefunds = new HashMap<>();
    final Map<String, long[]> stock = new LinkedHashMap<>(); // sku -> available, locked, sold
    final Map<String, long[]> logSums = new HashMap<>(); // sku -> LOCKED, DEDUCTED sums over all orders
    final Map<String, List<StockLog>> stockLogs = new HashMap<>();
    final Map<String, Coupon> coupons = new LinkedHashMap<>();
    final Map<String, List<Refund>> refunds = new HashMap<>();
    final Map<String, List<Capture>> captures = new HashMap<>();
    final Map<String, Integer> duplicateRefundIds = new HashMap<>();
    final Map<String, Rows> fulfill = new HashMap<>();
    final Map<String, Rows> delivery = new HashMap<>();
    final Map<String, Rows> logistic = new HashMap<>();
    String fingerprint;
}
