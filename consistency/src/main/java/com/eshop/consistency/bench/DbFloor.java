package com.eshop.consistency.bench;

import com.eshop.consistency.Jdbc;
import com.eshop.consistency.Jdbc.Row;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The database floor of the benchmark: the business SQL of one paid-order cancellation chain (a paid order sent to
 * fulfillment, one coupon, two items, cancelled by its user, cancelType 0), issued over plain JDBC against the
 * services' own databases, without Seata (undo logs, global locks, TC store), Redis locks, MQ or pooling. Each
 * service database step is one local transaction; reads the services run outside a transaction join the
 * transaction of their step. Per order, in chain order (T = one local transaction):
 * <pre>
 * T1  order_db    SELECT order_info FOR UPDATE            OrderRepository.findCommittedOrder (CancelOrderService.cancelOrder)
 *                 SELECT order_item ORDER BY id           OrderRepository.findItems          (CancelOrderAssembler.assemble)
 *                 SELECT order_payment_detail             OrderRepository.findPayment        (CancelOrderAssembler.assemble)
 *                 UPDATE order_info -> 70, cancel fields  OrderInfoMapper.transitToCanceled  (OrderRepository.cancel, from
 *                 INSERT order_operate_log                OrderRepository.cancel              CancelOrderGlobalTransaction)
 * T2  fulfill_db  SELECT order_fulfill FOR UPDATE         CancelFulfillService.cancelFulfill (lockByOrderId)
 *                 UPDATE order_fulfill -> 90              CancelFulfillService.cancelFulfill (markCancelled); commits after T3 and T4
 * T3  wms_db      SELECT delivery_order FOR UPDATE        CancelPickGoodsService.cancelPickGoods (lockByOrderId)
 *                 UPDATE delivery_order -> 90             CancelPickGoodsService.cancelPickGoods (markCancelled)
 * T4  tms_db      SELECT logistic_order FOR UPDATE        CancelSendOutService.cancelSendOut (lockByOrderId)
 *                 UPDATE logistic_order -> 90             CancelSendOutService.cancelSendOut (markCancelled)
 * T5  order_db    SELECT order_info FOR UPDATE            OrderQueryService.isCancellationCommitted, asked by inventory
 * T6  inventory_db SELECT product_stock_log by order      ReleaseStockService.cancelOrderReleaseProductStock (LockedStockMover)
 *                 per item: UPDATE product_stock_log -> 20, UPDATE product_stock (release)
 * T7  order_db    SELECT order_payment_detail             PrepareRefundService.processCancelOrder (CancelRefundListener)
 *                 SELECT after_sale_info                  AfterSaleRepository.findAfterSale
 *                 INSERT after_sale_info, 2 x after_sale_item, after_sale_log, after_sale_refund
 *                                                         AfterSaleRepository.insertAfterSale (ACTUAL_REFUND's local transaction)
 * T8  order_db    SELECT after_sale_info, after_sale_refund
 *                                                         RefundMoneyService.refundMoney (findAfterSale, findRefund)
 *                 [T9 runs here]
 *                 SELECT order_info                       OrderRepository.findOrder (RefundMoneyService.refundMoney)
 *                 UPDATE after_sale_info -> 50, UPDATE after_sale_refund -> 20, INSERT after_sale_log
 *                                                         AfterSaleRepository.markRefunding (the coupon release's local transaction)
 * T9  pay_db      SELECT pay_refund by request id         ExecuteRefundService.executeRefund
 *                 SELECT pay_capture FOR UPDATE, SELECT pay_refund by request id, SELECT SUM(refund_amount), INSERT pay_refund
 *                                                         RefundLedger.book
 * T10 order_db    SELECT order_info FOR UPDATE            OrderQueryService.isCancellationCommitted, asked by market
 * T11 market_db   UPDATE user_coupon (1 row)              ReleaseUserCouponService.releaseUserCoupon: the coupon release refundMoney
 *                                                         sends with the refund, the one release of a paid order's coupon
 * T12 order_db    SELECT after_sale_refund by request id  CompleteRefundService.completeRefund (RefundCompletedListener)
 *                 UPDATE after_sale_info -> 60, INSERT after_sale_log
 *                                                         AfterSaleRepository.markRefunded
 * </pre>
 * 40 statements in 12 transactions. Left out as not part of the chain's business SQL: the transactional-message
 * check-backs (asked only when an outcome is unknown) and order_cancel_settlement, which CancelledOrderReconciler
 * writes in a later job run (cancelled longer than the reconcile grace), not in the chain.
 */
public final class DbFloor {

    /** The measured floor; latencies are per order, the whole chain run by one caller. */
    public record Result(int orders, int callers, double ordersPerSecond, int statementsPerOrder, int transactionsPerOrder,
                         long p50Micros, long p99Micros) {
    }

    private enum Database {
        ORDER("order_db"), FULFILL("fulfill_db"), WMS("wms_db"), TMS("tms_db"),
        INVENTORY("inventory_db"), MARKET("market_db"), PAY("pay_db");

        private final String schema;

        Database(String schema) {
            this.schema = schema;
        }
    }

    private record BenchItem(String skuSuffix, String productName, int salePrice, int quantity) {
        /** Orders spread over SKU_GROUPS pairs of SKUs, as the bench's callers each create on their own pair. */
        String skuCode(String runTag, int skuGroup) {
            return runTag + "-G" + skuGroup + "-" + skuSuffix;
        }

        int originAmount() {
            return salePrice * quantity;
        }
    }

    /** A seeded order and the ids of its rows in the other services' databases. */
    private record BenchOrder(String orderId, String userId, String couponId, String outTradeNo, String fulfillId,
                              String deliveryOrderId, String logisticOrderId, int skuGroup) {
        static BenchOrder of(String runTag, int index) {
            return new BenchOrder(runTag + "-F" + index, runTag + "-U" + index, runTag + "-C" + index,
                    runTag + "-T" + index, runTag + "-FO" + index, runTag + "-DO" + index, runTag + "-LO" + index,
                    index % SKU_GROUPS);
        }
    }

    /** What the cancel passes on to the release and refund steps (the real chain's CancelOrderAssembleRequest). */
    private record CancelMessage(String orderId, String userId, String couponId, int totalAmount, int payType,
                                 String outTradeNo, List<Row> items) {
        /** RefundRequestIds.afterSaleId */
        String afterSaleId() {
            return "AS" + orderId;
        }

        /** RefundRequestIds.forAfterSale */
        String refundRequestId() {
            return "REFUND-" + afterSaleId();
        }
    }

    /** Keeps every derived id within its column: order_id is VARCHAR(64) and gets "-F" plus the order index appended. */
    private static final int MAX_RUN_TAG_LENGTH = 40;
    private static final int SEED_ORDERS_PER_COMMIT = 1000;
    private static final int AVAILABLE_STOCK = 1_000_000;
    private static final int SKU_GROUPS = 8;

    private static final List<BenchItem> ITEMS = List.of(
            new BenchItem("SKU-1", "Bench keyboard", 29900, 1),
            new BenchItem("SKU-2", "Bench mouse", 9900, 2));
    private static final int TOTAL_AMOUNT = ITEMS.stream().mapToInt(BenchItem::originAmount).sum();
    private static final int COUPON_AMOUNT = 1000;
    private static final int PAY_AMOUNT = TOTAL_AMOUNT - COUPON_AMOUNT;
    private static final int WECHAT_PAY = 10;

    /** order_info.order_status: a paid order is FULFILL once PaidOrderSuccessListener has created its fulfillment. */
    private static final int ORDER_FULFILL = 30;
    private static final int ORDER_CANCELED = 70;
    private static final int USER_CANCELED = 0;
    private static final int MANUAL_CANCEL_ORDER = 50;
    private static final int PAY_STATUS_PAID = 20;
    private static final int CANCEL_ORDER_REFUND = 1;
    private static final int AFTER_SALE_UN_CREATED = 0;
    private static final int AFTER_SALE_REVIEW_PASS = 20;
    private static final int AFTER_SALE_REFUNDING = 50;
    private static final int AFTER_SALE_REFUNDED = 60;
    private static final int UN_REFUND = 10;
    private static final int REFUND_SUCCESS = 20;
    /** order_fulfill CREATED, delivery_order PICKING and logistic_order CREATED are all 10; CANCELLED is 90 in each. */
    private static final int FULFILLMENT_LIVE = 10;
    private static final int FULFILLMENT_CANCELLED = 90;
    private static final int STOCK_LOCKED = 10;
    private static final int STOCK_RELEASED = 20;
    private static final int COUPON_USED = 1;
    private static final int PAY_REFUND_SUCCESS = 20;

    private final Function<String, String> jdbcUrl;
    private final String user;
    private final String password;

    /** jdbcUrl(database) gives e.g. "jdbc:mysql://127.0.0.1:13306/order_db?..." for a database name; user/password given. */
    public DbFloor(Function<String, String> jdbcUrl, String user, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
    }

    /**
     * Seeds {@code orders} paid orders (rows in every table the chain touches, ids prefixed with runTag, not timed),
     * then runs the floor chain for all of them with {@code callers} threads, each caller on its own JDBC
     * connections (one per database, autocommit off); returns the measured rate. The rows stay.
     */
    public Result run(String runTag, int orders, int callers) throws Exception {
        if (runTag == null || runTag.isBlank() || runTag.length() > MAX_RUN_TAG_LENGTH) {
            throw new IllegalArgumentException("runTag must be 1 to " + MAX_RUN_TAG_LENGTH + " characters: " + runTag);
        }
        if (orders < 1 || callers < 1) {
            throw new IllegalArgumentException("orders and callers must be positive: " + orders + ", " + callers);
        }
        List<BenchOrder> benchOrders = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            benchOrders.add(BenchOrder.of(runTag, i));
        }
        seed(runTag, benchOrders);
        return measure(benchOrders, callers);
    }

    private Result measure(List<BenchOrder> orders, int callerCount) throws Exception {
        List<Caller> callers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callerCount);
        try {
            for (int c = 0; c < callerCount; c++) {
                Caller caller = new Caller();
                callers.add(caller);
                for (Database db : Database.values()) {
                    caller.attach(db, DriverManager.getConnection(jdbcUrl.apply(db.schema), credentials()));
                }
            }
            long[] latencyMicros = new long[orders.size()];
            AtomicInteger nextOrder = new AtomicInteger();
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<Void>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (Caller caller : callers) {
                running.add(pool.submit(() -> {
                    try {
                        int index;
                        while (!failed.get() && (index = nextOrder.getAndIncrement()) < orders.size()) {
                            long orderStart = System.nanoTime();
                            cancelPaidOrder(caller, orders.get(index));
                            latencyMicros[index] = (System.nanoTime() - orderStart) / 1_000;
                        }
                        return null;
                    } catch (SQLException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            awaitAll(running);
            double seconds = (System.nanoTime() - start) / 1e9;

            long statements = callers.stream().mapToLong(Caller::statements).sum();
            long transactions = callers.stream().mapToLong(Caller::transactions).sum();
            Arrays.sort(latencyMicros);
            return new Result(orders.size(), callerCount, orders.size() / seconds,
                    (int) (statements / orders.size()), (int) (transactions / orders.size()),
                    percentile(latencyMicros, 0.50), percentile(latencyMicros, 0.99));
        } finally {
            pool.shutdown();
            callers.forEach(Caller::close);
        }
    }

    /** Waits for every caller, so none is still using its connections when the first failure is thrown. */
    private static void awaitAll(List<Future<Void>> running) throws Exception {
        Exception failure = null;
        for (Future<Void> caller : running) {
            try {
                caller.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static void cancelPaidOrder(Caller caller, BenchOrder order) throws SQLException {
        CancelMessage cancel = cancelOrder(caller, order.orderId(), order.userId());
        releaseStock(caller, cancel);
        prepareRefund(caller, cancel);
        refundMoney(caller, cancel);
        completeRefund(caller, cancel);
    }

    /** T1-T4: AfterSaleApi.cancelOrder, its order branch first, then fulfillment interception. */
    private static CancelMessage cancelOrder(Caller caller, String orderId, String userId) throws SQLException {
        Row order = caller.one(Database.ORDER, "SELECT * FROM order_info WHERE order_id = ? FOR UPDATE", orderId);
        if (!userId.equals(order.str("user_id"))) {
            throw new IllegalStateException("order " + orderId + " is not owned by " + userId);
        }
        int from = order.integer("order_status");
        List<Row> items = caller.query(Database.ORDER, "SELECT * FROM order_item WHERE order_id = ? ORDER BY id", orderId);
        Row payment = caller.one(Database.ORDER, "SELECT * FROM order_payment_detail WHERE order_id = ?", orderId);
        caller.update(Database.ORDER, 1, "UPDATE order_info SET order_status = ?, cancel_type = ?, cancel_time = NOW(3)"
                + " WHERE order_id = ? AND order_status = ?", ORDER_CANCELED, USER_CANCELED, orderId, from);
        caller.update(Database.ORDER, 1, "INSERT INTO order_operate_log (order_id, operate_type, pre_status, current_status,"
                        + " remark, request_id) VALUES (?, ?, ?, ?, ?, ?)", orderId, MANUAL_CANCEL_ORDER, from, ORDER_CANCELED,
                "cancelled by the user: " + from + "-" + ORDER_CANCELED, UUID.randomUUID().toString());
        caller.commit(Database.ORDER);
        cancelFulfill(caller, orderId);
        return new CancelMessage(orderId, userId, order.str("coupon_id"), order.integer("total_amount"),
                order.integer("pay_type"), payment.str("out_trade_no"), items);
    }

    /** T2-T4: CancelFulfillService.cancelFulfill keeps its transaction open across its WMS and TMS calls. */
    private static void cancelFulfill(Caller caller, String orderId) throws SQLException {
        Row fulfill = caller.one(Database.FULFILL, "SELECT * FROM order_fulfill WHERE order_id = ? FOR UPDATE", orderId);
        caller.update(Database.FULFILL, 1, "UPDATE order_fulfill SET status = ? WHERE fulfill_id = ? AND status = ?",
                FULFILLMENT_CANCELLED, fulfill.str("fulfill_id"), fulfill.integer("status"));

        Row delivery = caller.one(Database.WMS, "SELECT * FROM delivery_order WHERE order_id = ? FOR UPDATE", orderId);
        caller.update(Database.WMS, 1, "UPDATE delivery_order SET status = ? WHERE delivery_order_id = ? AND status = ?",
                FULFILLMENT_CANCELLED, delivery.str("delivery_order_id"), FULFILLMENT_LIVE);
        caller.commit(Database.WMS);

        Row logistic = caller.one(Database.TMS, "SELECT * FROM logistic_order WHERE order_id = ? FOR UPDATE", orderId);
        caller.update(Database.TMS, 1, "UPDATE logistic_order SET status = ? WHERE logistic_order_id = ? AND status = ?",
                FULFILLMENT_CANCELLED, logistic.str("logistic_order_id"), FULFILLMENT_LIVE);
        caller.commit(Database.TMS);

        caller.commit(Database.FULFILL);
    }

    /** T5-T6: ReleaseInventoryListener. */
    private static void releaseStock(Caller caller, CancelMessage cancel) throws SQLException {
        requireCancellationCommitted(caller, cancel.orderId());
        List<Row> locks = caller.query(Database.INVENTORY,
                "SELECT * FROM product_stock_log WHERE order_id = ? ORDER BY sku_code", cancel.orderId());
        for (Row lock : locks) {
            int quantity = lock.integer("quantity");
            caller.update(Database.INVENTORY, 1, "UPDATE product_stock_log SET status = ? WHERE id = ? AND status = ?",
                    STOCK_RELEASED, lock.lng("id"), STOCK_LOCKED);
            caller.update(Database.INVENTORY, 1, "UPDATE product_stock SET sale_stock_quantity = sale_stock_quantity + ?,"
                            + " locked_stock_quantity = locked_stock_quantity - ? WHERE sku_code = ? AND locked_stock_quantity >= ?",
                    quantity, quantity, lock.str("sku_code"), quantity);
        }
        caller.commit(Database.INVENTORY);
    }

    /** T10-T11: ReleasePropertyListener. */
    private static void releaseCoupon(Caller caller, CancelMessage cancel) throws SQLException {
        requireCancellationCommitted(caller, cancel.orderId());
        caller.update(Database.MARKET, 1, "UPDATE user_coupon SET used = 0, order_id = NULL, used_time = NULL"
                        + " WHERE coupon_id = ? AND user_id = ? AND order_id = ? AND used = 1",
                cancel.couponId(), cancel.userId(), cancel.orderId());
        caller.commit(Database.MARKET);
    }

    /** OrderInternalApi.isCancellationCommitted, asked by inventory and market before they release anything. */
    private static void requireCancellationCommitted(Caller caller, String orderId) throws SQLException {
        Row order = caller.one(Database.ORDER, "SELECT * FROM order_info WHERE order_id = ? FOR UPDATE", orderId);
        caller.commit(Database.ORDER);
        if (order.integer("order_status") != ORDER_CANCELED) {
            throw new IllegalStateException("order " + orderId + " is not cancelled");
        }
    }

    /** T7: CancelRefundListener, with ACTUAL_REFUND's local transaction (the after-sale records). */
    private static void prepareRefund(Caller caller, CancelMessage cancel) throws SQLException {
        String afterSaleId = cancel.afterSaleId();
        Row payment = caller.one(Database.ORDER, "SELECT * FROM order_payment_detail WHERE order_id = ?", cancel.orderId());
        if (payment.integer("pay_status") != PAY_STATUS_PAID) {
            throw new IllegalStateException("order " + cancel.orderId() + " is not paid");
        }
        caller.none(Database.ORDER, "SELECT * FROM after_sale_info WHERE after_sale_id = ?", afterSaleId);
        int refundAmount = payment.integer("pay_amount");
        caller.update(Database.ORDER, 1, "INSERT INTO after_sale_info (after_sale_id, order_id, user_id, after_sale_type,"
                        + " after_sale_status, apply_refund_amount, real_refund_amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                afterSaleId, cancel.orderId(), cancel.userId(), CANCEL_ORDER_REFUND, AFTER_SALE_REVIEW_PASS, refundAmount, refundAmount);
        int remaining = refundAmount;
        for (int i = 0; i < cancel.items().size(); i++) {
            Row item = cancel.items().get(i);
            // the refund split by item value as RefundApportioning does it: the last item takes the rounding rest
            int itemRefund = i == cancel.items().size() - 1 ? remaining
                    : (int) ((long) refundAmount * item.integer("origin_amount") / cancel.totalAmount());
            remaining -= itemRefund;
            caller.update(Database.ORDER, 1, "INSERT INTO after_sale_item (after_sale_id, order_id, sku_code, product_name,"
                            + " return_quantity, apply_refund_amount, real_refund_amount) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    afterSaleId, cancel.orderId(), item.str("sku_code"), item.str("product_name"), item.integer("sale_quantity"),
                    itemRefund, itemRefund);
        }
        insertAfterSaleLog(caller, afterSaleId, AFTER_SALE_UN_CREATED, AFTER_SALE_REVIEW_PASS, "order cancelled: refund approved");
        caller.update(Database.ORDER, 1, "INSERT INTO after_sale_refund (after_sale_id, order_id, refund_request_id, pay_type,"
                        + " out_trade_no, refund_amount, refund_status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                afterSaleId, cancel.orderId(), cancel.refundRequestId(), cancel.payType(), cancel.outTradeNo(), refundAmount, UN_REFUND);
        caller.commit(Database.ORDER);
    }

    /** T8-T11: ActualRefundListener; the gateway refund, REFUNDING, then the coupon release bound to it. */
    private static void refundMoney(Caller caller, CancelMessage cancel) throws SQLException {
        String afterSaleId = cancel.afterSaleId();
        Row afterSale = caller.one(Database.ORDER, "SELECT * FROM after_sale_info WHERE after_sale_id = ?", afterSaleId);
        Row refund = caller.one(Database.ORDER, "SELECT * FROM after_sale_refund WHERE after_sale_id = ?", afterSaleId);
        if (afterSale.integer("after_sale_status") != AFTER_SALE_REVIEW_PASS) {
            throw new IllegalStateException("after-sale " + afterSaleId + " is not REVIEW_PASS");
        }
        executeRefund(caller, refund);
        Row order = caller.one(Database.ORDER, "SELECT * FROM order_info WHERE order_id = ?", cancel.orderId());
        caller.update(Database.ORDER, 1, "UPDATE after_sale_info SET after_sale_status = ?"
                + " WHERE after_sale_id = ? AND after_sale_status = ?", AFTER_SALE_REFUNDING, afterSaleId, AFTER_SALE_REVIEW_PASS);
        caller.update(Database.ORDER, 1, "UPDATE after_sale_refund SET refund_status = ?, refund_pay_time = NOW(3)"
                + " WHERE after_sale_id = ? AND refund_status = ?", REFUND_SUCCESS, afterSaleId, UN_REFUND);
        insertAfterSaleLog(caller, afterSaleId, AFTER_SALE_REVIEW_PASS, AFTER_SALE_REFUNDING, "refund executed by the gateway");
        caller.commit(Database.ORDER);
        if (order.str("coupon_id") != null) {
            releaseCoupon(caller, cancel);
        }
    }

    /** T9: PayApi.executeRefund. */
    private static void executeRefund(Caller caller, Row refund) throws SQLException {
        String refundRequestId = refund.str("refund_request_id");
        String outTradeNo = refund.str("out_trade_no");
        int refundAmount = refund.integer("refund_amount");
        caller.none(Database.PAY, "SELECT * FROM pay_refund WHERE refund_request_id = ?", refundRequestId);
        Row capture = caller.one(Database.PAY, "SELECT * FROM pay_capture WHERE out_trade_no = ? FOR UPDATE", outTradeNo);
        caller.none(Database.PAY, "SELECT * FROM pay_refund WHERE refund_request_id = ?", refundRequestId);
        long refunded = caller.one(Database.PAY,
                "SELECT COALESCE(SUM(refund_amount), 0) AS refunded FROM pay_refund WHERE out_trade_no = ?", outTradeNo).lng("refunded");
        if (refunded + refundAmount > capture.lng("pay_amount")) {
            throw new IllegalStateException("trade " + outTradeNo + " cannot refund " + refundAmount + " more");
        }
        caller.update(Database.PAY, 1, "INSERT INTO pay_refund (refund_request_id, order_id, out_trade_no, pay_type,"
                        + " refund_amount, status) VALUES (?, ?, ?, ?, ?, ?)",
                refundRequestId, refund.str("order_id"), outTradeNo, refund.integer("pay_type"), refundAmount, PAY_REFUND_SUCCESS);
        caller.commit(Database.PAY);
    }

    /** T12: RefundCompletedListener, the gateway's refund notification. */
    private static void completeRefund(Caller caller, CancelMessage cancel) throws SQLException {
        Row refund = caller.one(Database.ORDER, "SELECT * FROM after_sale_refund WHERE refund_request_id = ?", cancel.refundRequestId());
        String afterSaleId = refund.str("after_sale_id");
        caller.update(Database.ORDER, 1, "UPDATE after_sale_info SET after_sale_status = ?"
                + " WHERE after_sale_id = ? AND after_sale_status = ?", AFTER_SALE_REFUNDED, afterSaleId, AFTER_SALE_REFUNDING);
        insertAfterSaleLog(caller, afterSaleId, AFTER_SALE_REFUNDING, AFTER_SALE_REFUNDED, "refund notified by the gateway");
        caller.commit(Database.ORDER);
    }

    private static void insertAfterSaleLog(Caller caller, String afterSaleId, int from, int to, String remark) throws SQLException {
        caller.update(Database.ORDER, 1, "INSERT INTO after_sale_log (after_sale_id, pre_status, current_status, remark)"
                + " VALUES (?, ?, ?, ?)", afterSaleId, from, to, remark);
    }

    @FunctionalInterface
    private interface SeedRows {
        void add(PreparedStatement insert, BenchOrder order) throws SQLException;
    }

    /** A paid order sent to fulfillment: the state PaidOrderSuccessListener leaves behind, holding its stock and coupon. */
    private void seed(String runTag, List<BenchOrder> orders) throws SQLException {
        seedStock(runTag, orders.size());
        seedRows(Database.ORDER, "INSERT INTO order_info (order_id, user_id, order_status, coupon_id, total_amount,"
                        + " coupon_amount, pay_amount, pay_type, expire_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(3))", orders,
                (insert, order) -> addBatch(insert, order.orderId(), order.userId(), ORDER_FULFILL, order.couponId(),
                        TOTAL_AMOUNT, COUPON_AMOUNT, PAY_AMOUNT, WECHAT_PAY));
        seedRows(Database.ORDER, "INSERT INTO order_item (order_item_id, order_id, sku_code, product_name, sale_price,"
                + " sale_quantity, origin_amount) VALUES (?, ?, ?, ?, ?, ?, ?)", orders, (insert, order) -> {
            for (int n = 0; n < ITEMS.size(); n++) {
                BenchItem item = ITEMS.get(n);
                addBatch(insert, order.orderId() + "-" + (n + 1), order.orderId(), item.skuCode(runTag, order.skuGroup()), item.productName(),
                        item.salePrice(), item.quantity(), item.originAmount());
            }
        });
        seedRows(Database.ORDER, "INSERT INTO order_payment_detail (order_id, pay_type, pay_amount, pay_status, out_trade_no,"
                        + " pay_time) VALUES (?, ?, ?, ?, ?, NOW(3))", orders,
                (insert, order) -> addBatch(insert, order.orderId(), WECHAT_PAY, PAY_AMOUNT, PAY_STATUS_PAID, order.outTradeNo()));
        seedRows(Database.FULFILL, "INSERT INTO order_fulfill (fulfill_id, order_id, user_id, pay_amount, status)"
                        + " VALUES (?, ?, ?, ?, ?)", orders,
                (insert, order) -> addBatch(insert, order.fulfillId(), order.orderId(), order.userId(), PAY_AMOUNT, FULFILLMENT_LIVE));
        seedRows(Database.WMS, "INSERT INTO delivery_order (delivery_order_id, order_id, fulfill_id, status) VALUES (?, ?, ?, ?)",
                orders, (insert, order) -> addBatch(insert, order.deliveryOrderId(), order.orderId(), order.fulfillId(), FULFILLMENT_LIVE));
        seedRows(Database.TMS, "INSERT INTO logistic_order (logistic_order_id, order_id, fulfill_id, user_id, status)"
                        + " VALUES (?, ?, ?, ?, ?)", orders,
                (insert, order) -> addBatch(insert, order.logisticOrderId(), order.orderId(), order.fulfillId(), order.userId(),
                        FULFILLMENT_LIVE));
        seedRows(Database.INVENTORY, "INSERT INTO product_stock_log (order_id, sku_code, quantity, status) VALUES (?, ?, ?, ?)",
                orders, (insert, order) -> {
                    for (BenchItem item : ITEMS) {
                        addBatch(insert, order.orderId(), item.skuCode(runTag, order.skuGroup()), item.quantity(), STOCK_LOCKED);
                    }
                });
        seedRows(Database.MARKET, "INSERT INTO user_coupon (coupon_id, user_id, amount, used, order_id, used_time)"
                        + " VALUES (?, ?, ?, ?, ?, NOW(3))", orders,
                (insert, order) -> addBatch(insert, order.couponId(), order.userId(), COUPON_AMOUNT, COUPON_USED, order.orderId()));
        seedRows(Database.PAY, "INSERT INTO pay_capture (out_trade_no, order_id, pay_type, pay_amount) VALUES (?, ?, ?, ?)",
                orders, (insert, order) -> addBatch(insert, order.outTradeNo(), order.orderId(), WECHAT_PAY, PAY_AMOUNT));
    }

    /** The bench SKUs, their locked stock exactly what the seeded orders hold. */
    private void seedStock(String runTag, int orders) throws SQLException {
        try (Connection c = connectForSeeding(Database.INVENTORY);
             PreparedStatement insert = c.prepareStatement("INSERT INTO product_stock (sku_code, product_name,"
                     + " sale_stock_quantity, locked_stock_quantity, saled_stock_quantity) VALUES (?, ?, ?, ?, 0)")) {
            for (int group = 0; group < SKU_GROUPS; group++) {
                for (BenchItem item : ITEMS) {
                    addBatch(insert, item.skuCode(runTag, group), item.productName(), AVAILABLE_STOCK, orders * item.quantity());
                }
            }
            insert.executeBatch();
        }
    }

    private void seedRows(Database db, String insertSql, List<BenchOrder> orders, SeedRows rows) throws SQLException {
        try (Connection c = connectForSeeding(db); PreparedStatement insert = c.prepareStatement(insertSql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < orders.size(); i++) {
                rows.add(insert, orders.get(i));
                if ((i + 1) % SEED_ORDERS_PER_COMMIT == 0 || i == orders.size() - 1) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void addBatch(PreparedStatement insert, Object... values) throws SQLException {
        bind(insert, values);
        insert.addBatch();
    }

    private Connection connectForSeeding(Database db) throws SQLException {
        Properties properties = credentials();
        // multi-row INSERTs: seeding is not measured, only kept short
        properties.setProperty("rewriteBatchedStatements", "true");
        return DriverManager.getConnection(jdbcUrl.apply(db.schema), properties);
    }

    private Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    /** One caller's connections, one per database with autocommit off, and the statements and commits it issued. */
    private static final class Caller {
        private final Map<Database, Connection> connections = new EnumMap<>(Database.class);
        private long statements;
        private long transactions;

        void attach(Database db, Connection connection) throws SQLException {
            connections.put(db, connection);
            connection.setAutoCommit(false);
        }

        List<Row> query(Database db, String sql, Object... args) throws SQLException {
            statements++;
            return Jdbc.query(connections.get(db), sql, args);
        }

        Row one(Database db, String sql, Object... args) throws SQLException {
            List<Row> rows = query(db, sql, args);
            if (rows.size() != 1) {
                throw new IllegalStateException(db.schema + ": " + rows.size() + " rows instead of one from " + sql + " "
                        + Arrays.toString(args));
            }
            return rows.get(0);
        }

        void none(Database db, String sql, Object... args) throws SQLException {
            List<Row> rows = query(db, sql, args);
            if (!rows.isEmpty()) {
                throw new IllegalStateException(db.schema + ": unexpected rows from " + sql + " " + Arrays.toString(args));
            }
        }

        void update(Database db, int expectedRows, String sql, Object... args) throws SQLException {
            int changed;
            try (PreparedStatement statement = connections.get(db).prepareStatement(sql)) {
                bind(statement, args);
                statements++;
                changed = statement.executeUpdate();
            }
            if (changed != expectedRows) {
                throw new IllegalStateException(db.schema + ": " + changed + " rows instead of " + expectedRows + " changed by "
                        + sql + " " + Arrays.toString(args));
            }
        }

        void commit(Database db) throws SQLException {
            connections.get(db).commit();
            transactions++;
        }

        long statements() {
            return statements;
        }

        long transactions() {
            return transactions;
        }

        /** Closes every connection (an open transaction is rolled back); a failed close has no bearing on the result. */
        void close() {
            for (Connection connection : connections.values()) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is given up either way
                }
            }
        }
    }
}
