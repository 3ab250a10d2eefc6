package com.eshop.consistency;

import com.eshop.common.api.mq.RocketMqConstant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks the invariants of docs/design.md over all seven databases and the broker, for all orders or a given set.
 *
 * <p>Reads each database once, in one consistent snapshot, with a few bulk queries (a few hundred milliseconds
 * for 5000 orders), and the broker by reading the three transactional topics and the dead-letter queue of every
 * consumer group once. It takes the JDBC URL of each database from a function, so it runs as well against scratch
 * copies of the databases (see CheckerCanFailIT).
 *
 * <pre>{@code
 * InvariantChecker checker = new InvariantChecker(stack::jdbcUrl, stack.nameServerAddress(), InvariantChecker.Options.defaults());
 * StockBaseline before = checker.captureBaseline();
 * ... workload, settle ...
 * CheckReport report = checker.check(CheckScope.orders(ids), before);
 * }</pre>
 */
public final class InvariantChecker {
    private static final int CREATED = 10;
    private static final int PAID = 20;
    private static final int FULFILL = 30;
    private static final int OUT_STOCK = 40;
    private static final int CANCELED = 70;
    private static final int LOG_LOCKED = 10;
    private static final int LOG_RELEASED = 20;
    private static final int LOG_DEDUCTED = 30;
    private static final int RECORD_ACCEPTED = 10;
    /** pay_transaction.status of a trade whose payment the gateway notified (PayTransactionStatus.PAID). */
    private static final int TRANSACTION_PAID = 20;
    private static final int PAY_STATUS_PAID = 20;
    private static final int AFTER_SALE_REFUNDED = 60;
    private static final int REFUND_SUCCESS = 20;
    private static final int DELIVERY_OUT_STOCK = 20;
    /** Fulfill, delivery and logistic orders are intercepted by this status; the rows are kept, never deleted. */
    private static final int ROW_CANCELLED = 90;

    /**
     * @param scanInterval  how often the expired-order scan runs (a CREATED order may outlive its expire time by this)
     * @param tolerance     added on top (the scan's own duration, timer lateness, a restart)
     * @param checkBroker   read the broker (topics and DLQs); off for a progress check or scratch databases without a broker
     * @param dlqGroups     consumer groups whose {@code %DLQ%} topic must be empty
     */
    public record Options(Duration scanInterval, Duration tolerance, boolean checkBroker, List<String> dlqGroups) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(60), Duration.ofSeconds(30), true, RocketMqConstant.ALL_CONSUMER_GROUPS);
        }

        public Options withScanInterval(Duration d) {
            return new Options(d, tolerance, checkBroker, dlqGroups);
        }

        public Options withTolerance(Duration d) {
            return new Options(scanInterval, d, checkBroker, dlqGroups);
        }

        public Options withBroker(boolean b) {
            return new Options(scanInterval, tolerance, b, dlqGroups);
        }

        public Options withDlqGroups(List<String> groups) {
            return new Options(scanInterval, tolerance, checkBroker, List.copyOf(groups));
        }
    }

    /** A settled check requires a terminal outcome per order and reads the broker; a progress check does neither. */
    public enum Mode { SETTLED, PROGRESS }

    private final Function<String, String> jdbcUrlOfDatabase;
    private final String nameServer;
    private final Options options;

    public InvariantChecker(Function<String, String> jdbcUrlOfDatabase, String nameServer, Options options) {
        this.jdbcUrlOfDatabase = Objects.requireNonNull(jdbcUrlOfDatabase);
        this.nameServer = nameServer;
        this.options = Objects.requireNonNull(options);
        if (options.checkBroker() && nameServer == null) {
            throw new IllegalArgumentException("checkBroker needs a name server address");
        }
    }

    public Options options() {
        return options;
    }

    public StockBaseline captureBaseline() {
        return StockBaseline.capture(jdbcUrlOfDatabase);
    }

    /** A settled check (terminal outcomes, broker) against {@code baseline} (null: no stock conservation check). */
    public CheckReport check(CheckScope scope, StockBaseline baseline) {
        return check(scope, baseline, Mode.SETTLED);
    }

    public CheckReport check(CheckScope scope, StockBaseline baseline, Mode mode) {
        long t0 = System.nanoTime();
        Data d = load(scope);
        List<Violation> out = new ArrayList<>();
        checkStock(d, baseline, out);
        Set<String> subjects = subjects(scope, d);
        for (String orderId : subjects) {
            checkOrder(orderId, d, mode, out);
        }
        checkCoupons(scope, d, out);
        int messages = 0;
        List<String> duplicateStores = new ArrayList<>();
        if (mode == Mode.SETTLED && options.checkBroker()) {
            messages = checkBroker(scope, subjects, d, out, duplicateStores);
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String o : subjects) {
            OrderRow r = d.orders.get(o);
            if (r != null) {
                statuses.put(o, r.status);
            }
        }
        return new CheckReport(scope.toString(), mode == Mode.SETTLED, out, statuses, subjects.size(), messages,
                duplicateStores, (System.nanoTime() - t0) / 1_000_000, d.fingerprint);
    }

    // ---------------------------------------------------------------------------------------------------- data

    private record OrderRow(String orderId, String userId, int status, Integer cancelType, String couponId, int couponAmount,
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

    private record StockLog(String orderId, String sku, int quantity, int status) {
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

    private record PaymentDetail(Integer payType, int payAmount, int payStatus, String outTradeNo) {
        boolean accepted() {
            return payStatus == PAY_STATUS_PAID;
        }

        @Override
        public String toString() {
            return "{pay_type=" + payType + ", pay_amount=" + payAmount + ", pay_status=" + payStatus + "}";
        }
    }

    private record PaymentRecord(int payType, String outTradeNo, int payAmount, int status, String refundRequestId) {
        @Override
        public String toString() {
            return "{pay_type=" + payType + ", out_trade_no=" + outTradeNo + ", pay_amount=" + payAmount + ", status=" + status
                    + (refundRequestId == null ? "" : ", refund_request_id=" + refundRequestId) + "}";
        }
    }

    /** A payment pay-service captured from a verified gateway notification, and whether its pre-pay transaction is PAID. */
    private record Capture(String outTradeNo, int payType, int payAmount, boolean transactionPaid) {
        @Override
        public String toString() {
            return "{out_trade_no=" + outTradeNo + ", pay_type=" + payType + ", pay_amount=" + payAmount
                    + ", transaction " + (transactionPaid ? "PAID" : "not PAID") + "}";
        }
    }

    private record Refund(String refundRequestId, String orderId, Integer payType, int amount, int status) {
        @Override
        public String toString() {
            return "{" + refundRequestId + ", " + amount + ", status=" + status + "}";
        }
    }

    private record AfterSale(String afterSaleId, int status, int realRefundAmount) {
        @Override
        public String toString() {
            return "{" + afterSaleId + ", status=" + status + ", real_refund_amount=" + realRefundAmount + "}";
        }
    }

    private record AfterSaleRefund(String afterSaleId, String refundRequestId, int amount, int refundStatus) {
        @Override
        public String toString() {
            return "{" + afterSaleId + ", " + refundRequestId + ", " + amount + ", refund_status=" + refundStatus + "}";
        }
    }

    private record Coupon(String couponId, String userId, int used, String orderId) {
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
    private record Rows(int count, int cancelled, Integer maxLiveStatus, List<String> idsAndStatuses) {
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

    /** Status names of a table's status codes, for the evidence. */
    private static final Map<Integer, String> FULFILL_STATUS = Map.of(10, "CREATED", ROW_CANCELLED, "CANCELLED");
    private static final Map<Integer, String> DELIVERY_STATUS = Map.of(10, "PICKING", DELIVERY_OUT_STOCK, "OUT_STOCK",
            ROW_CANCELLED, "CANCELLED");
    private static final Map<Integer, String> LOGISTIC_STATUS = Map.of(10, "CREATED", 20, "IN_TRANSIT",
            ROW_CANCELLED, "CANCELLED");

    private record OpLogs(int cancels, int outStocks) {
    }

    private static final class Data {
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

    private Data load(CheckScope scope) {
        Data d = new Data();
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

    /** The orders to judge: the scope's ids, or every order id any database knows. */
    private static Set<String> subjects(CheckScope scope, Data d) {
        if (!scope.isAll()) {
            return new LinkedHashSet<>(scope.orderIds());
        }
        Set<String> all = new TreeSet<>(d.orders.keySet());
        all.addAll(d.stockLogs.keySet());
        all.addAll(d.refunds.keySet());
        all.addAll(d.records.keySet());
        all.addAll(d.afterSales.keySet());
        all.addAll(d.fulfill.keySet());
        all.addAll(d.delivery.keySet());
        all.addAll(d.logistic.keySet());
        d.coupons.values().stream().map(Coupon::orderId).filter(Objects::nonNull).forEach(all::add);
        return all;
    }

    // ---------------------------------------------------------------------------------------------------- stock

    private static void checkStock(Data d, StockBaseline baseline, List<Violation> out) {
        Set<String> skus = new TreeSet<>(d.stock.keySet());
        if (baseline != null) {
            skus.addAll(baseline.bySku().keySet());
        }
        for (String sku : skus) {
            long[] now = d.stock.get(sku);
            long[] logs = d.logSums.getOrDefault(sku, new long[2]);
            Map<String, Object> ev = new LinkedHashMap<>();
            if (now != null) {
                ev.put("available", now[0]);
                ev.put("locked", now[1]);
                ev.put("sold", now[2]);
            } else {
                ev.put("product_stock", "missing");
            }
            ev.put("sum LOCKED log rows", logs[0]);
            ev.put("sum DEDUCTED log rows", logs[1]);
            if (baseline != null) {
                StockBaseline.Stock b = baseline.bySku().get(sku);
                Map<String, Object> bev = new LinkedHashMap<>(ev);
                bev.put("baseline", b == null ? "missing" : b.available() + "+" + b.locked() + "+" + b.sold() + "=" + b.total());
                long total = now == null ? -1 : now[0] + now[1] + now[2];
                if (b == null || now == null || total != b.total()) {
                    out.add(new Violation(Invariant.STOCK_CONSERVED, "sku " + sku, null,
                            "available+locked+sold = " + total + ", baseline " + (b == null ? "none" : b.total())
                                    + (b != null && now != null ? " (" + signed(total - b.total()) + ")" : ""), bev));
                }
            }
            if (now != null && (now[1] != logs[0] || now[2] != logs[1] || now[0] < 0 || now[1] < 0 || now[2] < 0)) {
                out.add(new Violation(Invariant.STOCK_MATCHES_LOG, "sku " + sku, null,
                        "locked " + now[1] + " vs LOCKED rows " + logs[0] + ", sold " + now[2] + " vs DEDUCTED rows " + logs[1], ev));
            }
        }
    }

    private static String signed(long v) {
        return v >= 0 ? "+" + v : String.valueOf(v);
    }

    // ---------------------------------------------------------------------------------------------------- per order

    /** Everything the suite holds about one order, read from {@link Data}; {@code order} (and so {@code base}) may be null. */
    private record OrderFacts(String orderId, OrderRow order, Map<String, Integer> items, List<StockLog> logs,
                              PaymentDetail detail, List<PaymentRecord> records, List<Capture> captures, List<Refund> refunds,
                              List<AfterSale> afterSales, List<AfterSaleRefund> afterSaleRefunds,
                              Rows fulfill, Rows delivery, Rows logistic, OpLogs opLogs, Map<String, Object> base) {
        static OrderFacts of(String orderId, Data d) {
            OrderRow order = d.orders.get(orderId);
            return new OrderFacts(orderId, order, d.items.getOrDefault(orderId, Map.of()),
                    d.stockLogs.getOrDefault(orderId, List.of()), d.details.get(orderId),
                    d.records.getOrDefault(orderId, List.of()), d.captures.getOrDefault(orderId, List.of()),
                    d.refunds.getOrDefault(orderId, List.of()),
                    d.afterSales.getOrDefault(orderId, List.of()), d.afterSaleRefunds.getOrDefault(orderId, List.of()),
                    d.fulfill.get(orderId), d.delivery.get(orderId), d.logistic.get(orderId),
                    d.opLogs.getOrDefault(orderId, new OpLogs(0, 0)), order == null ? null : order.evidence());
        }

        int status() {
            return order.status();
        }

        boolean cancelled() {
            return status() == CANCELED;
        }

        boolean fulfilledOrLater() {
            return status() >= FULFILL && status() < CANCELED;
        }

        boolean outStockOrLater() {
            return status() >= OUT_STOCK && status() < CANCELED;
        }

        boolean accepted() {
            return detail != null && detail.accepted();
        }

        boolean anyFulfillmentRows() {
            return fulfill != null || delivery != null || logistic != null;
        }
    }

    private void checkOrder(String orderId, Data d, Mode mode, List<Violation> out) {
        OrderFacts o = OrderFacts.of(orderId, d);
        if (o.order() == null) {
            checkNoTraceOfMissingOrder(o, out);
            return;
        }
        checkStockOfOrder(o, out);
        checkCouponsOfOrder(o, d, out);
        checkMoney(o, d, out);
        checkAfterSale(o, out);
        checkFulfillment(o, out);
        checkOutStockVsCancel(o, out);
        checkOutcome(o, mode, out);
    }

    private static void checkNoTraceOfMissingOrder(OrderFacts o, List<Violation> out) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("order_info", "none");
        List<StockLog> held = o.logs().stream().filter(l -> l.status() != LOG_RELEASED).toList();
        if (!held.isEmpty()) {
            out.add(v(Invariant.NO_STOCK_WITHOUT_ORDER, o.orderId(), "stock held by an order that does not exist", ev, "stock_log", held));
        }
        if (!o.refunds().isEmpty() || !o.records().isEmpty() || !o.captures().isEmpty()) {
            out.add(v(Invariant.NO_PAYMENT_NO_REFUND, o.orderId(), "payments or refunds of an order that does not exist", ev,
                    "pay_refund", o.refunds(), "payment_record", o.records(), "pay_capture", o.captures()));
        }
        if (o.anyFulfillmentRows() || !o.afterSales().isEmpty()) {
            out.add(v(Invariant.FULFILLMENT_WHEN_LIVE, o.orderId(), "fulfillment / after-sale rows of an order that does not exist", ev,
                    "fulfill", o.fulfill(), "delivery", o.delivery(), "logistic", o.logistic(), "after_sale", o.afterSales()));
        }
    }

    private static void checkStockOfOrder(OrderFacts o, List<Violation> out) {
        String orderId = o.orderId();
        List<StockLog> logs = o.logs();
        Map<String, Integer> items = o.items();
        if (o.cancelled()) {
            List<StockLog> held = logs.stream().filter(l -> l.status() == LOG_LOCKED || l.status() == LOG_DEDUCTED).toList();
            if (!held.isEmpty()) {
                out.add(v(Invariant.CANCELLED_HOLDS_NO_STOCK, orderId, "cancelled order still holds stock", o.base(), "stock_log", logs));
            }
            for (Map.Entry<String, Integer> item : items.entrySet()) {
                boolean released = logs.stream().anyMatch(l -> l.sku().equals(item.getKey()) && l.status() == LOG_RELEASED
                        && l.quantity() == item.getValue());
                if (!released && held.isEmpty()) {
                    out.add(v(Invariant.CANCELLED_RELEASED_ITS_STOCK, orderId, "item " + item.getKey() + "x" + item.getValue()
                            + " has no RELEASED stock row", o.base(), "items", items, "stock_log", logs));
                }
            }
        } else {
            int want = o.outStockOrLater() ? LOG_DEDUCTED : LOG_LOCKED;
            boolean ok = logs.size() == items.size() && items.entrySet().stream().allMatch(item -> logs.stream().anyMatch(l ->
                    l.sku().equals(item.getKey()) && l.quantity() == item.getValue() && l.status() == want));
            if (!ok) {
                out.add(v(Invariant.LIVE_HOLDS_ITS_STOCK, orderId, "live order should hold its items' stock as "
                        + StockLog.statusName(want), o.base(), "items", items, "stock_log", logs));
            }
        }
    }

    /** The coupons held by this order (those naming it), and the coupon it names. */
    private static void checkCouponsOfOrder(OrderFacts o, Data d, List<Violation> out) {
        String orderId = o.orderId();
        OrderRow order = o.order();
        Map<String, Object> base = o.base();
        String subject = "order " + orderId;
        for (Coupon c : d.coupons.values()) {
            if (!orderId.equals(c.orderId())) {
                continue;
            }
            if (c.used() != 1) {
                out.add(new Violation(Invariant.COUPON_FREE_CLEAN, "coupon " + c.couponId(), orderId,
                        "unused coupon still names order " + orderId, merge(c.evidence(), base)));
            } else if (o.cancelled()) {
                out.add(new Violation(Invariant.CANCELLED_HOLDS_NO_COUPON, subject, orderId,
                        "cancelled order still holds coupon " + c.couponId(), merge(base, c.evidence())));
            } else if (!c.couponId().equals(order.couponId())) {
                out.add(new Violation(Invariant.COUPON_HELD_BY_LIVE_ORDER, "coupon " + c.couponId(), orderId,
                        "coupon held by an order that names coupon " + order.couponId(), merge(c.evidence(), base)));
            }
        }
        if (!o.cancelled() && order.couponId() != null) {
            Coupon c = d.coupons.get(order.couponId());
            if (c == null || c.used() != 1 || !orderId.equals(c.orderId())) {
                out.add(new Violation(Invariant.LIVE_HOLDS_ITS_COUPON, subject, orderId, "live order does not hold its coupon "
                        + order.couponId(), merge(base, c == null ? Map.of("coupon", "missing") : c.evidence())));
            }
        }
    }

    private static void checkMoney(OrderFacts o, Data d, List<Violation> out) {
        long paid = o.records().stream().mapToLong(PaymentRecord::payAmount).sum();
        long refunded = o.refunds().stream().mapToLong(Refund::amount).sum();
        Map<String, Object> money = merge(o.base(), Map.of("paid", paid, "refunded", refunded));
        checkRefundedAgainstPaid(o, paid, refunded, money, out);
        checkRefundRequests(o, d, money, out);
        checkPaymentRecords(o, out);
        checkPaymentsCaptured(o, money, out);
    }

    /**
     * Money comes in only through the gateway: every payment the order recorded (kept or refunded) is a capture of a
     * verified notification, for that trade, pay type and amount, whose transaction is PAID; and every capture reached
     * the order.
     */
    private static void checkPaymentsCaptured(OrderFacts o, Map<String, Object> money, List<Violation> out) {
        for (PaymentRecord r : o.records()) {
            boolean captured = o.captures().stream().anyMatch(c -> c.outTradeNo().equals(r.outTradeNo()) && c.payType() == r.payType()
                    && c.payAmount() == r.payAmount() && c.transactionPaid());
            if (!captured) {
                out.add(v(Invariant.PAYMENT_CAPTURED, o.orderId(), "payment " + r + " has no matching capture of a PAID transaction",
                        money, "payment_record", o.records(), "pay_capture", o.captures()));
            }
        }
        for (Capture c : o.captures()) {
            if (o.records().stream().noneMatch(r -> c.outTradeNo().equals(r.outTradeNo()))) {
                out.add(v(Invariant.PAYMENT_CAPTURED, o.orderId(), "capture " + c + " never reached the order", money,
                        "payment_record", o.records(), "pay_capture", o.captures()));
            }
        }
    }

    private static void checkRefundedAgainstPaid(OrderFacts o, long paid, long refunded, Map<String, Object> money,
                                                 List<Violation> out) {
        String orderId = o.orderId();
        List<PaymentRecord> records = o.records();
        List<Refund> refunds = o.refunds();
        long unaccepted = records.stream().filter(r -> r.status() != RECORD_ACCEPTED).mapToLong(PaymentRecord::payAmount).sum();
        if (records.isEmpty() && !refunds.isEmpty()) {
            out.add(v(Invariant.NO_PAYMENT_NO_REFUND, orderId, "refunded " + refunded + " without any payment", money, "pay_refund", refunds));
        } else if (refunded > paid) {
            out.add(v(Invariant.REFUNDED_NOT_ABOVE_PAID, orderId, "refunded " + refunded + " > paid " + paid, money,
                    "payment_record", records, "pay_refund", refunds));
        } else if (o.cancelled() && paid > 0 && refunded != paid) {
            out.add(v(Invariant.CANCELLED_REFUNDED_IN_FULL, orderId, "cancelled order paid " + paid + " but refunded " + refunded, money,
                    "payment_record", records, "pay_refund", refunds));
        } else if (!o.cancelled() && refunded != unaccepted) {
            out.add(v(Invariant.LIVE_REFUNDED_UNACCEPTED, orderId, "live order refunded " + refunded + ", its non-accepted payments are "
                    + unaccepted, money, "payment_record", records, "pay_refund", refunds));
        }
    }

    /** Each refund request executed once, and each one matching a refund intent (a non-accepted payment, a paid cancel). */
    private static void checkRefundRequests(OrderFacts o, Data d, Map<String, Object> money, List<Violation> out) {
        String orderId = o.orderId();
        List<Refund> refunds = o.refunds();
        Map<String, Integer> intents = refundIntents(o);
        Map<String, Integer> timesById = new LinkedHashMap<>();
        refunds.forEach(r -> timesById.merge(r.refundRequestId(), 1, Integer::sum));
        for (Map.Entry<String, Integer> e : timesById.entrySet()) {
            int times = Math.max(e.getValue(), d.duplicateRefundIds.getOrDefault(e.getKey(), 0));
            if (times > 1) {
                out.add(v(Invariant.REFUND_REQUEST_ONCE, orderId, "refund request " + e.getKey() + " executed " + times + " times",
                        money, "pay_refund", refunds));
            }
        }
        for (Refund r : refunds) {
            Integer amount = intents.get(r.refundRequestId());
            if (amount == null || amount != r.amount()) {
                out.add(v(Invariant.REFUND_REQUEST_KNOWN, orderId, amount == null ? "refund " + r.refundRequestId() + " matches no refund intent"
                        : "refund " + r.refundRequestId() + " of " + r.amount() + " but the intent is " + amount, money,
                        "intents", intents, "pay_refund", refunds));
            }
        }
    }

    /** refund request id -> amount the order's state calls for. */
    private static Map<String, Integer> refundIntents(OrderFacts o) {
        Map<String, Integer> intents = new LinkedHashMap<>();
        for (PaymentRecord r : o.records()) {
            if (r.status() != RECORD_ACCEPTED) {
                intents.put("PAYCB-" + o.orderId() + "-" + r.payType(), r.payAmount());
            }
        }
        if (o.cancelled() && o.accepted()) {
            intents.put("REFUND-AS" + o.orderId(), o.detail().payAmount());
        }
        return intents;
    }

    private static void checkPaymentRecords(OrderFacts o, List<Violation> out) {
        List<PaymentRecord> records = o.records();
        PaymentDetail detail = o.detail();
        long acceptedRecords = records.stream().filter(r -> r.status() == RECORD_ACCEPTED).count();
        boolean recordsOk = o.accepted()
                ? acceptedRecords == 1 && records.stream().anyMatch(r -> r.status() == RECORD_ACCEPTED && Objects.equals(r.payType(), detail.payType()))
                : acceptedRecords == 0;
        if (!recordsOk) {
            out.add(v(Invariant.PAYMENT_RECORDS_CONSISTENT, o.orderId(), o.accepted() ? "accepted payment without its one ACCEPTED record"
                    : "ACCEPTED payment record without an accepted payment", o.base(), "payment_detail", detail, "payment_record", records));
        }
    }

    private static void checkAfterSale(OrderFacts o, List<Violation> out) {
        List<AfterSale> afterSales = o.afterSales();
        List<AfterSaleRefund> afterSaleRefunds = o.afterSaleRefunds();
        if (o.cancelled() && o.accepted()) {
            boolean ok = afterSales.size() == 1 && afterSales.get(0).afterSaleId().equals("AS" + o.orderId())
                    && afterSales.get(0).status() == AFTER_SALE_REFUNDED && afterSaleRefunds.size() == 1
                    && afterSaleRefunds.get(0).refundStatus() == REFUND_SUCCESS && afterSaleRefunds.get(0).amount() == o.detail().payAmount();
            if (!ok) {
                out.add(v(Invariant.AFTER_SALE_FOR_PAID_CANCEL, o.orderId(), "cancelled paid order needs one refunded and completed (REFUNDED) after-sale",
                        o.base(), "payment_detail", o.detail(), "after_sale", afterSales, "after_sale_refund", afterSaleRefunds));
            }
        } else if (!afterSales.isEmpty() || !afterSaleRefunds.isEmpty()) {
            out.add(v(Invariant.AFTER_SALE_FOR_PAID_CANCEL, o.orderId(), "after-sale for an order that is not a cancelled paid order",
                    o.base(), "payment_detail", o.detail(), "after_sale", afterSales, "after_sale_refund", afterSaleRefunds));
        }
    }

    /**
     * Interception cancels the fulfill, delivery and logistic rows (status CANCELLED) and keeps them; "live" rows are
     * all the others.
     */
    private static void checkFulfillment(OrderFacts o, List<Violation> out) {
        if (o.cancelled()) {
            checkFulfillmentOfCancelled(o, out);
        } else {
            checkFulfillmentOfLive(o, out);
        }
    }

    private static void checkFulfillmentOfCancelled(OrderFacts o, List<Violation> out) {
        Rows fulfill = o.fulfill();
        Rows delivery = o.delivery();
        Rows logistic = o.logistic();
        int liveRows = Rows.live(fulfill) + Rows.live(delivery) + Rows.live(logistic);
        if (liveRows > 0) {
            out.add(v(Invariant.NO_FULFILLMENT_WHEN_CANCELLED, o.orderId(), "cancelled order still has " + liveRows
                    + " live (not CANCELLED) fulfillment row(s): its goods would still ship", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        } else if (o.anyFulfillmentRows() && !(Rows.count(fulfill) == 1 && Rows.count(delivery) == 1 && Rows.count(logistic) == 1)) {
            out.add(v(Invariant.NO_FULFILLMENT_WHEN_CANCELLED, o.orderId(), "cancelled order's intercepted fulfillment is incomplete: "
                    + "it needs exactly one CANCELLED fulfill, delivery and logistic row, or none", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        }
    }

    private static void checkFulfillmentOfLive(OrderFacts o, List<Violation> out) {
        Rows fulfill = o.fulfill();
        Rows delivery = o.delivery();
        Rows logistic = o.logistic();
        int status = o.status();
        int cancelledRows = Rows.cancelled(fulfill) + Rows.cancelled(delivery) + Rows.cancelled(logistic);
        if (cancelledRows > 0) {
            out.add(v(Invariant.INTERCEPTED_ONLY_WHEN_CANCELLED, o.orderId(), "order at " + status + " (not CANCELED) has "
                    + cancelledRows + " CANCELLED fulfillment row(s): goods intercepted for an order that stays live", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        }
        if (o.fulfilledOrLater()) {
            boolean ok = Rows.count(fulfill) == 1 && Rows.live(fulfill) == 1
                    && Rows.count(delivery) == 1 && Rows.live(delivery) == 1
                    && Rows.count(logistic) == 1 && Rows.live(logistic) == 1
                    && Objects.equals(delivery.maxLiveStatus(), DELIVERY_OUT_STOCK) == o.outStockOrLater();
            if (!ok) {
                out.add(v(Invariant.FULFILLMENT_WHEN_LIVE, o.orderId(), "order at " + status + " needs exactly one live fulfill, delivery"
                        + (o.outStockOrLater() ? " (OUT_STOCK)" : " (PICKING)") + " and logistic row, none CANCELLED", o.base(),
                        "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
            }
        } else if (status == CREATED && o.anyFulfillmentRows()) {
            out.add(v(Invariant.FULFILLMENT_WHEN_LIVE, o.orderId(), "unpaid order has fulfillment rows", o.base(),
                    "fulfill", fulfill, "delivery", delivery, "logistic", logistic));
        }
    }

    private static void checkOutStockVsCancel(OrderFacts o, List<Violation> out) {
        if (o.outStockOrLater() && (o.opLogs().cancels() > 0 || o.order().cancelType() != null)) {
            out.add(v(Invariant.OUT_STOCK_NEVER_CANCELLED, o.orderId(), "order out of stock but was cancelled", o.base(),
                    "cancel operate logs", o.opLogs().cancels()));
        }
        if (o.cancelled() && o.opLogs().outStocks() > 0) {
            out.add(v(Invariant.OUT_STOCK_NEVER_CANCELLED, o.orderId(), "cancelled order went out of stock", o.base(),
                    "out-stock operate logs", o.opLogs().outStocks(), "delivery", o.delivery()));
        }
    }

    private void checkOutcome(OrderFacts o, Mode mode, List<Violation> out) {
        String orderId = o.orderId();
        int status = o.status();
        if (mode == Mode.SETTLED && (status == CREATED || status == PAID)) {
            out.add(v(Invariant.ONE_TERMINAL_OUTCOME, orderId, "no terminal outcome: still " + (status == CREATED ? "CREATED" : "PAID"), o.base()));
        }
        if (o.cancelled() && o.opLogs().cancels() != 1) {
            out.add(v(Invariant.ONE_TERMINAL_OUTCOME, orderId, "cancelled " + o.opLogs().cancels() + " times", o.base(),
                    "cancel operate logs", o.opLogs().cancels()));
        }
        long allowedMs = options.scanInterval().toMillis() + options.tolerance().toMillis();
        if (status == CREATED && o.order().msPastExpire() > allowedMs) {
            out.add(v(Invariant.CREATED_NOT_TOO_LONG, orderId, "CREATED " + o.order().msPastExpire() + " ms past its expire time (allowed "
                    + allowedMs + " ms)", o.base()));
        }
    }

    private static void checkCoupons(CheckScope scope, Data d, List<Violation> out) {
        if (!scope.isAll()) {
            return; // a scoped check judges only the coupons naming its orders (in checkOrder)
        }
        for (Coupon c : d.coupons.values()) {
            if (c.used() == 1 && c.orderId() == null) {
                out.add(new Violation(Invariant.COUPON_HELD_BY_LIVE_ORDER, "coupon " + c.couponId(), null,
                        "used coupon names no order", c.evidence()));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- broker

    private int checkBroker(CheckScope scope, Set<String> subjects, Data d, List<Violation> out, List<String> duplicateStores) {
        int read = 0;
        try (BrokerView broker = new BrokerView(nameServer)) {
            Map<String, List<BrokerView.StoredMessage>> release = broker.byKey(RocketMqConstant.RELEASE_ASSETS_TOPIC);
            Map<String, List<BrokerView.StoredMessage>> paid = broker.byKey(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC);
            Map<String, List<BrokerView.StoredMessage>> refund = broker.byKey(RocketMqConstant.ACTUAL_REFUND_TOPIC);
            read += count(release) + count(paid) + count(refund);
            for (BrokerView.StoredMessage m : broker.duplicateStores()) {
                String orderId = orderOfKeys(m, scope);
                if (orderId != null) {
                    duplicateStores.add(orderId + " " + m.topic() + " " + m.msgId() + " @" + m.queueId() + ":" + m.queueOffset());
                }
            }
            for (String orderId : subjects) {
                OrderRow order = d.orders.get(orderId);
                Map<String, Object> base = order == null ? Map.of("order_info", "none") : order.evidence();
                boolean cancelled = order != null && order.status() == CANCELED;
                PaymentDetail detail = d.details.get(orderId);
                boolean accepted = detail != null && detail.accepted();

                List<BrokerView.StoredMessage> r = release.getOrDefault(orderId, List.of());
                if (r.size() != (cancelled ? 1 : 0)) {
                    out.add(v(Invariant.RELEASE_ASSETS_IFF_CANCELLED, orderId, r.size() + " release_assets message(s) for an order that is "
                            + (cancelled ? "" : "not ") + "CANCELED", base, "messages", evidence(r)));
                }
                List<BrokerView.StoredMessage> p = paid.getOrDefault(orderId, List.of());
                if (p.size() != (accepted ? 1 : 0)) {
                    out.add(v(Invariant.PAID_SUCCESS_IFF_ACCEPTED, orderId, p.size() + " paid_order_success message(s) for an order "
                            + (accepted ? "with" : "without") + " an accepted payment", base, "payment_detail", detail, "messages", evidence(p)));
                }
                Set<String> afterSaleIds = new LinkedHashSet<>();
                d.afterSales.getOrDefault(orderId, List.of()).forEach(a -> afterSaleIds.add(a.afterSaleId()));
                afterSaleIds.add("AS" + orderId);
                for (String asId : afterSaleIds) {
                    boolean exists = d.afterSales.getOrDefault(orderId, List.of()).stream().anyMatch(a -> a.afterSaleId().equals(asId));
                    List<BrokerView.StoredMessage> a = refund.getOrDefault(asId, List.of());
                    if (a.size() != (exists ? 1 : 0)) {
                        out.add(v(Invariant.ACTUAL_REFUND_PER_AFTER_SALE, orderId, a.size() + " actual_refund message(s) keyed " + asId
                                + " for " + (exists ? "an existing" : "no") + " after-sale", base,
                                "after_sale", d.afterSales.getOrDefault(orderId, List.of()), "messages", evidence(a)));
                    }
                }
            }
            for (String group : options.dlqGroups()) {
                String dlq = "%DLQ%" + group;
                List<BrokerView.StoredMessage> dead = broker.readAll(dlq);
                read += dead.size();
                for (BrokerView.StoredMessage m : dead) {
                    String orderId = orderOfKeys(m, scope);
                    if (orderId == null && !scope.isAll()) {
                        continue; // another test's message
                    }
                    out.add(new Violation(Invariant.DLQ_EMPTY, "group " + dlq, orderId,
                            "message in the dead-letter queue: its work was never done", m.evidence()));
                }
            }
        }
        return read;
    }

    /** The order a message is about (its key, or an after-sale key AS&lt;order&gt;), if it is in scope. */
    private static String orderOfKeys(BrokerView.StoredMessage m, CheckScope scope) {
        for (String key : BrokerView.keys(m)) {
            if (!scope.isAll() && scope.contains(key)) {
                return key;
            }
            if (key.startsWith("AS") && !scope.isAll() && scope.contains(key.substring(2))) {
                return key.substring(2);
            }
        }
        if (scope.isAll()) {
            List<String> keys = BrokerView.keys(m);
            return keys.isEmpty() ? null : keys.get(0).startsWith("AS") ? keys.get(0).substring(2) : keys.get(0);
        }
        return null;
    }

    private static int count(Map<String, List<BrokerView.StoredMessage>> index) {
        Set<String> ids = new java.util.HashSet<>();
        index.values().forEach(l -> l.forEach(m -> ids.add(m.msgId())));
        return ids.size();
    }

    private static List<Map<String, Object>> evidence(List<BrokerView.StoredMessage> messages) {
        return messages.stream().map(BrokerView.StoredMessage::evidence).toList();
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static Violation v(Invariant invariant, String orderId, String detail, Map<String, Object> base, Object... more) {
        Map<String, Object> ev = new LinkedHashMap<>(base);
        for (int i = 0; i + 1 < more.length; i += 2) {
            ev.put((String) more[i], more[i + 1]);
        }
        return new Violation(invariant, "order " + orderId, orderId, detail, ev);
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        b.forEach((k, val) -> m.put(m.containsKey(k) ? "coupon." + k : k, val));
        return m;
    }
}
