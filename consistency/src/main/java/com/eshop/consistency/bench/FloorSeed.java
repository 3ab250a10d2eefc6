package com.eshop.consistency.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static com.eshop.consistency.bench.FloorChain.*;

/** The rows the floor chain starts from, seeded (not timed) in every database it touches. */
final class FloorSeed {
    record BenchItem(String skuSuffix, String productName, int salePrice, int quantity) {
        /** Orders spread over SKU_GROUPS pairs of SKUs, as the bench's callers each create on their own pair. */
        String skuCode(String runTag, int skuGroup) {
            return runTag + "-G" + skuGroup + "-" + skuSuffix;
        }

        int originAmount() {
            return salePrice * quantity;
        }
    }

    static final int SEED_ORDERS_PER_COMMIT = 1000;
    static final int AVAILABLE_STOCK = 1_000_000;
    static final int SKU_GROUPS = 8;

    static final List<BenchItem> ITEMS = List.of(
            new BenchItem("SKU-1", "Bench keyboard", 29900, 1),
            new BenchItem("SKU-2", "Bench mouse", 9900, 2));
    static final int TOTAL_AMOUNT = ITEMS.stream().mapToInt(BenchItem::originAmount).sum();
    static final int COUPON_AMOUNT = 1000;
    static final int PAY_AMOUNT = TOTAL_AMOUNT - COUPON_AMOUNT;
    static final int WECHAT_PAY = 10;

    private final FloorConnections connections;

    FloorSeed(FloorConnections connections) {
        this.connections = connections;
    }

    @FunctionalInterface
    private interface SeedRows {
        void add(PreparedStatement insert, BenchOrder order) throws SQLException;
    }

    /** A paid order sent to fulfillment: the state PaidOrderSuccessListener leaves behind, holding its stock and coupon. */
    void seed(String runTag, List<BenchOrder> orders) throws SQLException {
        seedStock(runTag, orders.size());
        seedRows(FloorDatabase.ORDER, "INSERT INTO order_info (order_id, user_id, order_status, coupon_id, total_amount,"
                        + " coupon_amount, pay_amount, pay_type, expire_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(3))", orders,
                (insert, order) -> addBatch(insert, order.orderId(), order.userId(), ORDER_FULFILL, order.couponId(),
                        TOTAL_AMOUNT, COUPON_AMOUNT, PAY_AMOUNT, WECHAT_PAY));
        seedRows(FloorDatabase.ORDER, "INSERT INTO order_item (order_item_id, order_id, sku_code, product_name, sale_price,"
                + " sale_quantity, origin_amount) VALUES (?, ?, ?, ?, ?, ?, ?)", orders, (insert, order) -> {
            for (int n = 0; n < ITEMS.size(); n++) {
                BenchItem item = ITEMS.get(n);
                addBatch(insert, order.orderId() + "-" + (n + 1), order.orderId(), item.skuCode(runTag, order.skuGroup()), item.productName(),
                        item.salePrice(), item.quantity(), item.originAmount());
            }
        });
        seedRows(FloorDatabase.ORDER, "INSERT INTO order_payment_detail (order_id, pay_type, pay_amount, pay_status, out_trade_no,"
                        + " pay_time) VALUES (?, ?, ?, ?, ?, NOW(3))", orders,
                (insert, order) -> addBatch(insert, order.orderId(), WECHAT_PAY, PAY_AMOUNT, PAY_STATUS_PAID, order.outTradeNo()));
        seedRows(FloorDatabase.FULFILL, "INSERT INTO order_fulfill (fulfill_id, order_id, user_id, pay_amount, status)"
                        + " VALUES (?, ?, ?, ?, ?)", orders,
                (insert, order) -> addBatch(insert, order.fulfillId(), order.orderId(), order.userId(), PAY_AMOUNT, FULFILLMENT_LIVE));
        seedRows(FloorDatabase.WMS, "INSERT INTO delivery_order (delivery_order_id, order_id, fulfill_id, status) VALUES (?, ?, ?, ?)",
                orders, (insert, order) -> addBatch(insert, order.deliveryOrderId(), order.orderId(), order.fulfillId(), FULFILLMENT_LIVE));
        seedRows(FloorDatabase.TMS, "INSERT INTO logistic_order (logistic_order_id, order_id, fulfill_id, user_id, status)"
                        + " VALUES (?, ?, ?, ?, ?)", orders,
                (insert, order) -> addBatch(insert, order.logisticOrderId(), order.orderId(), order.fulfillId(), order.userId(),
                        FULFILLMENT_LIVE));
        seedRows(FloorDatabase.INVENTORY, "INSERT INTO product_stock_log (order_id, sku_code, quantity, status) VALUES (?, ?, ?, ?)",
                orders, (insert, order) -> {
                    for (BenchItem item : ITEMS) {
                        addBatch(insert, order.orderId(), item.skuCode(runTag, order.skuGroup()), item.quantity(), STOCK_LOCKED);
                    }
                });
        seedRows(FloorDatabase.MARKET, "INSERT INTO user_coupon (coupon_id, user_id, amount, used, order_id, used_time)"
                        + " VALUES (?, ?, ?, ?, ?, NOW(3))", orders,
                (insert, order) -> addBatch(insert, order.couponId(), order.userId(), COUPON_AMOUNT, COUPON_USED, order.orderId()));
        seedRows(FloorDatabase.PAY, "INSERT INTO pay_capture (out_trade_no, order_id, pay_type, pay_amount) VALUES (?, ?, ?, ?)",
                orders, (insert, order) -> addBatch(insert, order.outTradeNo(), order.orderId(), WECHAT_PAY, PAY_AMOUNT));
    }

    /** The bench SKUs, their locked stock exactly what the seeded orders hold. */
    void seedStock(String runTag, int orders) throws SQLException {
        try (Connection c = connections.connectForSeeding(FloorDatabase.INVENTORY);
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

    void seedRows(FloorDatabase db, String insertSql, List<BenchOrder> orders, SeedRows rows) throws SQLException {
        try (Connection c = connections.connectForSeeding(db); PreparedStatement insert = c.prepareStatement(insertSql)) {
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

    static void addBatch(PreparedStatement insert, Object... values) throws SQLException {
        FloorCaller.bind(insert, values);
        insert.addBatch();
    }
}
