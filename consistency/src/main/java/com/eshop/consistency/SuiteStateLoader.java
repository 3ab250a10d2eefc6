package com.eshop.consistency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.eshop.consistency.SuiteState.*;

/** Reads each database once, in one consistent snapshot, with a few bulk queries; fingerprints what it read. */
final class SuiteStateLoader {
    /** Status names of a table's status codes, for the evidence. */
    private static final Map<Integer, String> FULFILL_STATUS = Map.of(10, "CREATED", ROW_CANCELLED, "CANCELLED");
    private static final Map<Integer, String> DELIVERY_STATUS = Map.of(10, "PICKING", DELIVERY_OUT_STOCK, "OUT_STOCK",
            ROW_CANCELLED, "CANCELLED");
    private static final Map<Integer, String> LOGISTIC_STATUS = Map.of(10, "CREATED", 20, "IN_TRANSIT",
            ROW_CANCELLED, "CANCELLED");

    private final Function<String, String> jdbcUrlOfDatabase;

    SuiteStateLoader(Function<String, String> jdbcUrlOfDatabase) {
        this.jdbcUrlOfDatabase = jdbcUrlOfDatabase;
    }

    SuiteState load(CheckScope scope) {
        SuiteState d = new SuiteState();
        String prefix = scope.sqlPrefix();
        String where = prefix == null ? "" : " WHERE order_id LIKE '" + prefix + "%'";
        MessageDigest digest = sha256();

        Jdbc.inSnapshot(url("order_db"), c -> {
            for (Jdbc.Row r : rows(c, digest, "SELECT order_id, user_id, order_status, cancel_type, coupon_id, coupon_amount, pay_amount, "
                    + "pay_type, expire_time, cancel_time, TIMESTAMPDIFF(MICROSECOND, expire_time, UTC_TIMESTAMP(3)) DIV 1000 AS ms_past_expire "
                    + "FROM order_info" + where)) {
                if (!scope.contains(r.str("order_id"))) {
                    continue;
                }
                d.orders.put(r.str("order_id"), new OrderRow(r.str("order_id"), r.str("user_id"), r.integer("order_status"),
                        r.integer("cancel_type"), r.str("coupon_id"), (int) r.lng("coupon_amount"), (int) r.lng("pay_amount"),
                        r.integer("pay_type"), r.get("expire_time"), r.lng("ms_past_expire"), r.get("cancel_time")));
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT order_id, sku_code, SUM(sale_quantity) AS q FROM order_item" + where
                    + " GROUP BY order_id, sku_code")) {
                if (scope.contains(r.str("order_id"))) {
                    d.items.computeIfAbsent(r.str("order_id"), k -> new LinkedHashMap<>()).put(r.str("sku_code"), (int) r.lng("q"));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT order_id, pay_type, pay_amount, pay_status, out_trade_no FROM order_payment_detail" + where)) {
                if (scope.contains(r.str("order_id"))) {
                    d.details.put(r.str("order_id"), new PaymentDetail(r.integer("pay_type"), (int) r.lng("pay_amount"),
                            (int) r.lng("pay_status"), r.str("out_trade_no")));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT order_id, pay_type, out_trade_no, pay_amount, status, refund_request_id FROM order_payment_record" + where
                    + " ORDER BY id")) {
                if (scope.contains(r.str("order_id"))) {
                    d.records.computeIfAbsent(r.str("order_id"), k -> new ArrayList<>()).add(new PaymentRecord((int) r.lng("pay_type"),
                            r.str("out_trade_no"), (int) r.lng("pay_amount"), (int) r.lng("status"), r.str("refund_request_id")));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT order_id, SUM(current_status = 70) AS cancels, SUM(current_status = 40 OR operate_type = 40) AS outs "
                    + "FROM order_operate_log" + where + " GROUP BY order_id")) {
                if (scope.contains(r.str("order_id"))) {
                    d.opLogs.put(r.str("order_id"), new OpLogs((int) r.lng("cancels"), (int) r.lng("outs")));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT after_sale_id, order_id, after_sale_status, real_refund_amount FROM after_sale_info" + where)) {
                if (scope.contains(r.str("order_id"))) {
                    d.afterSales.computeIfAbsent(r.str("order_id"), k -> new ArrayList<>()).add(new AfterSale(r.str("after_sale_id"),
                            (int) r.lng("after_sale_status"), (int) r.lng("real_refund_amount")));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT after_sale_id, order_id, refund_request_id, refund_amount, refund_status FROM after_sale_refund" + where)) {
                if (scope.contains(r.str("order_id"))) {
                    d.afterSaleRefunds.computeIfAbsent(r.str("order_id"), k -> new ArrayList<>()).add(new AfterSaleRefund(
                            r.str("after_sale_id"), r.str("refund_request_id"), (int) r.lng("refund_amount"), (int) r.lng("refund_status")));
                }
            }
            return null;
        });

        Jdbc.inSnapshot(url("inventory_db"), c -> {
            for (Jdbc.Row r : rows(c, digest, "SELECT sku_code, sale_stock_quantity, locked_stock_quantity, saled_stock_quantity FROM product_stock ORDER BY sku_code")) {
                d.stock.put(r.str("sku_code"), new long[]{r.lng("sale_stock_quantity"), r.lng("locked_stock_quantity"), r.lng("saled_stock_quantity")});
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT sku_code, status, SUM(quantity) AS q FROM product_stock_log GROUP BY sku_code, status")) {
                long[] sums = d.logSums.computeIfAbsent(r.str("sku_code"), k -> new long[2]);
                int status = (int) r.lng("status");
                if (status == LOG_LOCKED) {
                    sums[0] += r.lng("q");
                } else if (status == LOG_DEDUCTED) {
                    sums[1] += r.lng("q");
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT order_id, sku_code, quantity, status FROM product_stock_log" + where + " ORDER BY id")) {
                if (scope.contains(r.str("order_id"))) {
                    d.stockLogs.computeIfAbsent(r.str("order_id"), k -> new ArrayList<>()).add(new StockLog(r.str("order_id"),
                            r.str("sku_code"), (int) r.lng("quantity"), (int) r.lng("status")));
                }
            }
            return null;
        });

        Jdbc.inSnapshot(url("market_db"), c -> {
            for (Jdbc.Row r : rows(c, digest, "SELECT coupon_id, user_id, used, order_id FROM user_coupon ORDER BY coupon_id")) {
                d.coupons.put(r.str("coupon_id"), new Coupon(r.str("coupon_id"), r.str("user_id"), (int) r.lng("used"), r.str("order_id")));
            }
            return null;
        });

        Jdbc.inSnapshot(url("pay_db"), c -> {
            for (Jdbc.Row r : rows(c, digest, "SELECT refund_request_id, order_id, pay_type, refund_amount, status FROM pay_refund" + where + " ORDER BY id")) {
                if (scope.contains(r.str("order_id"))) {
                    d.refunds.computeIfAbsent(r.str("order_id"), k -> new ArrayList<>()).add(new Refund(r.str("refund_request_id"),
                            r.str("order_id"), r.integer("pay_type"), (int) r.lng("refund_amount"), (int) r.lng("status")));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT c.order_id, c.out_trade_no, c.pay_type, c.pay_amount, t.status AS tx_status "
                    + "FROM pay_capture c LEFT JOIN pay_transaction t ON t.out_trade_no = c.out_trade_no"
                    + where.replace("order_id", "c.order_id") + " ORDER BY c.id")) {
                if (scope.contains(r.str("order_id"))) {
                    d.captures.computeIfAbsent(r.str("order_id"), k -> new ArrayList<>()).add(new Capture(r.str("out_trade_no"),
                            (int) r.lng("pay_type"), (int) r.lng("pay_amount"), Integer.valueOf(TRANSACTION_PAID).equals(r.integer("tx_status"))));
                }
            }
            for (Jdbc.Row r : rows(c, digest, "SELECT refund_request_id, COUNT(*) AS n FROM pay_refund" + where
                    + " GROUP BY refund_request_id HAVING COUNT(*) > 1")) {
                d.duplicateRefundIds.put(r.str("refund_request_id"), (int) r.lng("n"));
            }
            return null;
        });

        loadRows(url("fulfill_db"), rowsQuery("order_fulfill", "fulfill_id", where), scope, d.fulfill, FULFILL_STATUS, digest);
        loadRows(url("wms_db"), rowsQuery("delivery_order", "delivery_order_id", where), scope, d.delivery, DELIVERY_STATUS, digest);
        loadRows(url("tms_db"), rowsQuery("logistic_order", "logistic_order_id", where), scope, d.logistic, LOGISTIC_STATUS, digest);
        d.fingerprint = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        return d;
    }

    private static List<Jdbc.Row> rows(Connection c, MessageDigest digest, String sql) throws SQLException {
        List<Jdbc.Row> rows = Jdbc.query(c, sql);
        for (Jdbc.Row r : rows) {
            // ms_past_expire changes every millisecond: not part of the state
            Map<String, Object> m = new LinkedHashMap<>(r.asMap());
            m.remove("ms_past_expire");
            digest.update(m.toString().getBytes(StandardCharsets.UTF_8));
        }
        return rows;
    }

    /** Per order: all rows, the CANCELLED ones, the highest live status, and every row as id:status. */
    private static String rowsQuery(String table, String idColumn, String where) {
        return "SELECT order_id, COUNT(*) AS n, SUM(status = " + ROW_CANCELLED + ") AS cancelled, "
                + "MAX(CASE WHEN status <> " + ROW_CANCELLED + " THEN status END) AS live_st, "
                + "GROUP_CONCAT(CONCAT(" + idColumn + ", ':', status) ORDER BY id SEPARATOR ',') AS ids FROM " + table
                + where + " GROUP BY order_id";
    }

    private void loadRows(String url, String sql, CheckScope scope, Map<String, Rows> into, Map<Integer, String> statusNames,
                          MessageDigest digest) {
        Jdbc.inSnapshot(url, c -> {
            for (Jdbc.Row r : rows(c, digest, sql)) {
                if (scope.contains(r.str("order_id"))) {
                    List<String> ids = new ArrayList<>();
                    String concatenated = r.str("ids");
                    for (String idAndStatus : concatenated == null ? new String[0] : concatenated.split(",")) {
                        int colon = idAndStatus.lastIndexOf(':');
                        String code = idAndStatus.substring(colon + 1);
                        String name = statusNames.get(parseOrNull(code));
                        ids.add(idAndStatus.substring(0, colon + 1) + (name == null ? code : name));
                    }
                    into.put(r.str("order_id"), new Rows((int) r.lng("n"), (int) r.lng("cancelled"), r.integer("live_st"), ids));
                }
            }
            return null;
        });
    }

    private static Integer parseOrNull(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String url(String database) {
        return jdbcUrlOfDatabase.apply(database);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
