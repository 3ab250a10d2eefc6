package com.eshop.systemtest.consistency;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.consistency.CheckReport;
import com.eshop.consistency.CheckScope;
import com.eshop.consistency.Invariant;
import com.eshop.consistency.InvariantChecker;
import com.eshop.consistency.StockBaseline;
import com.eshop.consistency.Violation;
import com.eshop.stack.LocalStack;
import com.eshop.stack.Db;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.TestProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the checker can fail: real orders are copied into scratch databases (CREATE DATABASE x_scratch, CREATE TABLE
 * ... LIKE, INSERT ... SELECT), the copies are corrupted the ways a broken chain would corrupt them, and the checker,
 * pointed at the scratch URLs (and the real broker), must report each corruption with the right invariant and order.
 */
class CheckerCanFailIT {
    private static final List<String> DATABASES = List.of("order_db", "inventory_db", "market_db", "pay_db", "fulfill_db", "wms_db", "tms_db");
    private static final String PROBE_GROUP = "consistency_probe_group";

    private final Scenario scenario = Suite.scenario();
    private final Db db = scenario.db();

    @Test
    void everyCorruptionOfAScratchCopyIsReported() {
        LocalStack stack = Suite.stack();
        InvariantChecker real = checker(stack::jdbcUrl, List.of());
        StockBaseline baseline = real.captureBaseline();

        // A: paid, fulfilled, cancelled, with a coupon      B: paid and fulfilled, with a coupon (alive)
        // C: cancelled before payment                      D: paid and fulfilled (alive)      E: out of stock
        TestData.UserCoupon ua = TestData.nextUserWithCoupon();
        TestData.UserCoupon ub = TestData.nextUserWithCoupon();
        CreateOrderDTO a = paidAndFulfilled(ua.userId(), ua.couponId(), "SKU-1011", 2);
        CreateOrderDTO b = paidAndFulfilled(ub.userId(), ub.couponId(), "SKU-1012", 1);
        CreateOrderDTO c = scenario.createOrder("U1090", null, items("SKU-1013", 1));
        CreateOrderDTO d = paidAndFulfilled("U1091", null, "SKU-1014", 1);
        CreateOrderDTO e = paidAndFulfilled("U1092", null, "SKU-1016", 1);
        assertThat(scenario.cancel(a.getOrderId(), ua.userId()).isOk()).isTrue();
        assertThat(scenario.cancel(c.getOrderId(), "U1090").isOk()).isTrue();
        assertThat(scenario.client().wmsApi.outStock(e.getOrderId()).isOk()).isTrue();
        Outcomes.assertFullyCancelled(scenario, a.getOrderId(), ua.couponId(), 0, a.getPayAmount());
        Outcomes.assertFullyCancelled(scenario, c.getOrderId(), null, 0, 0);
        // no Suite.awaitSettled(): the check is scoped to these five orders, and the SKU sums hold whatever else runs
        CheckScope scope = CheckScope.orders(List.of(a.getOrderId(), b.getOrderId(), c.getOrderId(), d.getOrderId(), e.getOrderId()));

        CheckReport clean = real.check(scope, baseline);
        assertThat(clean.violations()).as("the real databases are consistent: %s", clean).isEmpty();

        List<String> scratch = copyToScratch();
        try {
            InvariantChecker onScratch = checker(name -> stack.jdbcUrl(name + "_scratch"), List.of(PROBE_GROUP));
            assertThat(onScratch.check(scope, baseline).violations()).as("an untouched copy is as consistent").isEmpty();

            String ia = a.getOrderId();
            // 1. A's stock released a second time
            db.update("inventory_db_scratch", "UPDATE product_stock SET sale_stock_quantity = sale_stock_quantity + 2 WHERE sku_code = 'SKU-1011'");
            // 2. A's coupon given to A again
            db.update("market_db_scratch", "UPDATE user_coupon SET used = 1, order_id = ? WHERE coupon_id = ?", ia, ua.couponId());
            // 3. a second refund for A, and 4. its refund request executed twice (without the unique key)
            db.update("pay_db_scratch", "INSERT INTO pay_refund (refund_request_id, order_id, pay_type, refund_amount, status) VALUES (?, ?, 10, ?, 20)",
                    "REFUND-AGAIN-" + ia, ia, a.getPayAmount());
            db.update("pay_db_scratch", "ALTER TABLE pay_refund DROP INDEX uk_refund_request_id");
            db.update("pay_db_scratch", "INSERT INTO pay_refund (refund_request_id, order_id, out_trade_no, pay_type, refund_amount, status) "
                    + "SELECT refund_request_id, order_id, out_trade_no, pay_type, refund_amount, status FROM pay_refund WHERE refund_request_id = ?",
                    "REFUND-AS" + ia);
            // 5. cancelled A's intercepted fulfill and logistic rows live again (what a global rollback finishing after a
            // retried cancel committed would leave: refunded, goods still to ship)
            assertThat(db.integer("fulfill_db_scratch", "SELECT status FROM order_fulfill WHERE order_id = ?", ia)).isEqualTo(90);
            db.update("fulfill_db_scratch", "UPDATE order_fulfill SET status = 10 WHERE order_id = ?", ia);
            db.update("tms_db_scratch", "UPDATE logistic_order SET status = 10 WHERE order_id = ?", ia);
            // 6. A's after-sale lost (its ACTUAL_REFUND message stays in the broker)
            db.update("order_db_scratch", "DELETE FROM after_sale_info WHERE order_id = ?", ia);
            // 7. live B's stock released and its coupon freed behind its back
            String ib = b.getOrderId();
            db.update("inventory_db_scratch", "UPDATE product_stock_log SET status = 20 WHERE order_id = ?", ib);
            db.update("inventory_db_scratch", "UPDATE product_stock SET locked_stock_quantity = locked_stock_quantity - 1, "
                    + "sale_stock_quantity = sale_stock_quantity + 1 WHERE sku_code = 'SKU-1012'");
            db.update("market_db_scratch", "UPDATE user_coupon SET used = 0, order_id = NULL WHERE coupon_id = ?", ub.couponId());
            // 7b. and live B's picking intercepted (delivery order CANCELLED) though B stays live
            db.update("wms_db_scratch", "UPDATE delivery_order SET status = 90 WHERE order_id = ?", ib);
            // 8. cancelled C back to CREATED, long expired
            String ic = c.getOrderId();
            db.update("order_db_scratch", "UPDATE order_info SET order_status = 10, expire_time = UTC_TIMESTAMP(3) - INTERVAL 1 HOUR WHERE order_id = ?", ic);
            // 9. live D marked CANCELED without the cancel chain (no message, no release, no refund, fulfillment kept)
            String id = d.getOrderId();
            db.update("order_db_scratch", "UPDATE order_info SET order_status = 70, cancel_type = 0 WHERE order_id = ?", id);
            // 10. out-of-stock E also cancelled
            String ie = e.getOrderId();
            db.update("order_db_scratch", "INSERT INTO order_operate_log (order_id, operate_type, pre_status, current_status, remark) VALUES (?, 50, 40, 70, 'corrupt')", ie);
            // 10b. E's payment recorded by the order but never captured from a gateway notification (a forged pay callback)
            db.update("pay_db_scratch", "DELETE FROM pay_capture WHERE order_id = ?", ie);
            // 11. a dead letter about A
            TestProducer.send("%DLQ%" + PROBE_GROUP, ia, Map.of("orderId", ia));

            List<String[]> expected = List.of(
                    e(Invariant.STOCK_CONSERVED, "sku SKU-1011"),
                    e(Invariant.CANCELLED_HOLDS_NO_COUPON, ia),
                    e(Invariant.REFUNDED_NOT_ABOVE_PAID, ia),
                    e(Invariant.REFUND_REQUEST_KNOWN, ia),
                    e(Invariant.REFUND_REQUEST_ONCE, ia),
                    e(Invariant.NO_FULFILLMENT_WHEN_CANCELLED, ia),
                    e(Invariant.AFTER_SALE_FOR_PAID_CANCEL, ia),
                    e(Invariant.ACTUAL_REFUND_PER_AFTER_SALE, ia),
                    e(Invariant.LIVE_HOLDS_ITS_STOCK, ib),
                    e(Invariant.LIVE_HOLDS_ITS_COUPON, ib),
                    e(Invariant.INTERCEPTED_ONLY_WHEN_CANCELLED, ib),
                    e(Invariant.FULFILLMENT_WHEN_LIVE, ib),
                    e(Invariant.ONE_TERMINAL_OUTCOME, ic),
                    e(Invariant.CREATED_NOT_TOO_LONG, ic),
                    e(Invariant.RELEASE_ASSETS_IFF_CANCELLED, ic),
                    e(Invariant.RELEASE_ASSETS_IFF_CANCELLED, id),
                    e(Invariant.NO_FULFILLMENT_WHEN_CANCELLED, id),
                    e(Invariant.CANCELLED_HOLDS_NO_STOCK, id),
                    e(Invariant.CANCELLED_REFUNDED_IN_FULL, id),
                    e(Invariant.AFTER_SALE_FOR_PAID_CANCEL, id),
                    e(Invariant.ONE_TERMINAL_OUTCOME, id),
                    e(Invariant.OUT_STOCK_NEVER_CANCELLED, ie),
                    e(Invariant.PAYMENT_CAPTURED, ie),
                    e(Invariant.DLQ_EMPTY, ia));

            CheckReport[] report = new CheckReport[1];
            // the probe dead letter needs its topic routed; everything else is there at once
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                report[0] = onScratch.check(scope, baseline);
                assertThat(report[0].violations(Invariant.DLQ_EMPTY)).isNotEmpty();
            });
            System.out.println(report[0].format(100));
            List<String> missing = new ArrayList<>();
            for (String[] x : expected) {
                boolean found = report[0].violations().stream().anyMatch(v -> v.invariant().name().equals(x[0])
                        && (x[1].equals(v.orderId()) || x[1].equals(v.subject())));
                if (!found) {
                    missing.add(x[0] + " " + x[1]);
                }
            }
            assertThat(missing).as("corruptions the checker did not report; it reported:\n%s", report[0].format(100)).isEmpty();
            // nothing is reported about anything that was not corrupted
            for (Violation v : report[0].violations()) {
                if (v.orderId() == null) {
                    assertThat(v.subject()).as("a SKU-level violation: %s", v).isEqualTo("sku SKU-1011");
                } else {
                    assertThat(v.orderId()).as("%s", v).isIn(ia, ib, ic, id, ie);
                }
            }
        } finally {
            for (String name : scratch) {
                db.update("order_db", "DROP DATABASE IF EXISTS " + name);
            }
        }
        assertThat(db.rows("order_db", "SHOW DATABASES LIKE '%\\_scratch'")).as("scratch databases dropped").isEmpty();
    }

    private CreateOrderDTO paidAndFulfilled(String userId, String couponId, String sku, int quantity) {
        CreateOrderDTO order = scenario.createOrder(userId, couponId, items(sku, quantity));
        scenario.pay(order, userId);
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(60));
        return order;
    }

    private static InvariantChecker checker(Function<String, String> urls, List<String> extraDlqGroups) {
        List<String> groups = new ArrayList<>(RocketMqConstant.ALL_CONSUMER_GROUPS);
        groups.addAll(extraDlqGroups);
        return new InvariantChecker(urls, Suite.stack().nameServerAddress(), InvariantChecker.Options.defaults()
                .withScanInterval(Duration.ofSeconds(5)).withTolerance(Duration.ofSeconds(10)).withDlqGroups(groups));
    }

    /** CREATE DATABASE x_scratch; CREATE TABLE ... LIKE; INSERT ... SELECT, for every database of the suite. */
    private List<String> copyToScratch() {
        List<String> created = new ArrayList<>();
        for (String name : DATABASES) {
            String copy = name + "_scratch";
            db.update(name, "DROP DATABASE IF EXISTS " + copy);
            db.update(name, "CREATE DATABASE " + copy);
            created.add(copy);
            for (Map<String, Object> row : db.rows(name, "SHOW TABLES")) {
                String table = (String) row.values().iterator().next();
                db.update(name, "CREATE TABLE " + copy + "." + table + " LIKE " + name + "." + table);
                db.update(name, "INSERT INTO " + copy + "." + table + " SELECT * FROM " + name + "." + table);
            }
        }
        return created;
    }

    private static String[] e(Invariant invariant, String orderOrSubject) {
        return new String[]{invariant.name(), orderOrSubject};
    }
}
