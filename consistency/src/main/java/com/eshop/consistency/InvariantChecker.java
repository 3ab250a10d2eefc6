package com.eshop.consistency;

import com.eshop.common.api.mq.RocketMqConstant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static com.eshop.consistency.Evidence.v;
import static com.eshop.consistency.SuiteState.*;

/**
 * Checks the invariants of docs/design.md over all seven databases and the broker, for all orders or a given set.
 *
 * <p>Reads each database once, in one consistent snapshot, with a few bulk queries (a few hundred milliseconds
 * for 5000 orders, {@link SuiteStateLoader}), and the broker by reading the three transactional topics and the dead-letter queue of every
 * consumer group once. It takes the JDBC URL of each database from a function, so it runs as well against scratch
 * copies of the databases (see CheckerCanFailIT). Each family of invariants has its class: {@link StockInvariants},
 * {@link CouponInvariants}, {@link MoneyInvariants}, {@link FulfillmentInvariants}, {@link BrokerInvariants}; the
 * order's lifecycle (one terminal outcome, not CREATED too long, no trace of a missing order) is checked here.
 *
 * <pre>{@code
 * InvariantChecker checker = new InvariantChecker(stack::jdbcUrl, stack.nameServerAddress(), InvariantChecker.Options.defaults());
 * StockBaseline before = checker.captureBaseline();
 * ... workload, settle ...
 * CheckReport report = checker.check(CheckScope.orders(ids), before);
 * }</pre>
 */
public final class InvariantChecker {

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
        SuiteState d = new SuiteStateLoader(jdbcUrlOfDatabase).load(scope);
        List<Violation> out = new ArrayList<>();
        StockInvariants.checkStock(d, baseline, out);
        Set<String> subjects = subjects(scope, d);
        for (String orderId : subjects) {
            checkOrder(orderId, d, mode, out);
        }
        CouponInvariants.checkCoupons(scope, d, out);
        int messages = 0;
        List<String> duplicateStores = new ArrayList<>();
        if (mode == Mode.SETTLED && options.checkBroker()) {
            messages = new BrokerInvariants(nameServer, options).checkBroker(scope, subjects, d, out, duplicateStores);
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String o : subjects) {
            OrderRow r = d.orders.get(o);
            if (r != null) {
                statuses.put(o, r.status());
            }
        }
        return new CheckReport(scope.toString(), mode == Mode.SETTLED, out, statuses, subjects.size(), messages,
                duplicateStores, (System.nanoTime() - t0) / 1_000_000, d.fingerprint);
    }

    /** The orders to judge: the scope's ids, or every order id any database knows. */
    private static Set<String> subjects(CheckScope scope, SuiteState d) {
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

    private void checkOrder(String orderId, SuiteState d, Mode mode, List<Violation> out) {
        OrderFacts o = OrderFacts.of(orderId, d);
        if (o.order() == null) {
            checkNoTraceOfMissingOrder(o, out);
            return;
        }
        StockInvariants.checkStockOfOrder(o, out);
        CouponInvariants.checkCouponsOfOrder(o, d, out);
        MoneyInvariants.checkMoney(o, d, out);
        MoneyInvariants.checkAfterSale(o, out);
        FulfillmentInvariants.checkFulfillment(o, out);
        FulfillmentInvariants.checkOutStockVsCancel(o, out);
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
}
