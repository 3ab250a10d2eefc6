package com.eshop.stack.demo;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.AfterSaleStatusEnum;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.stack.Db;
import com.eshop.stack.LocalStack;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.stack.SuiteClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The demo of ./run-local.sh: the cancellation chain's scenarios through the real Dubbo APIs, then each order's
 * state across all services as a table.
 */
public final class Demo {
    private static final int WECHAT = 10;
    private static final int ALIPAY = 20;

    private final SuiteClient client;
    private final Db db;
    private final PayGatewaySimulator gateway;
    private final List<Row> rows = new ArrayList<>();

    private record Row(String scenario, String orderId, String couponId, String outcome) {
    }

    private Demo(SuiteClient client, Db db, PayGatewaySimulator gateway) {
        this.client = client;
        this.db = db;
        this.gateway = gateway;
    }

    public static void run(LocalStack stack) {
        System.out.println();
        System.out.println("== demo: the order-cancellation chain on the running suite ==");
        try (SuiteClient client = new SuiteClient(stack.dubboRegistryAddress(), stack.internalApiSecret())) {
            new Demo(client, new Db(stack::jdbcUrl), stack.payGateway()).runScenarios();
        } catch (RuntimeException e) {
            System.out.println("demo failed: " + e);
        }
    }

    private void runScenarios() {
        CompletableFuture<Void> timeout = CompletableFuture.runAsync(this::timeoutThenLatePayment);
        unpaidCancelledByUser();
        paidCancelledBeforeShipping();
        cancelRefusedAfterOutStock();
        step("waiting for the unpaid order to time out ...");
        timeout.join();
        waitForReleases();
        printTable();
        printTimelineAddresses();
    }

    private void unpaidCancelledByUser() {
        String coupon1 = freeCoupon("U1001");
        CreateOrderDTO order = create("U1001", coupon1, "SKU-1001", 1);
        JsonResult<Boolean> cancel = cancel(order.getOrderId(), "U1001");
        rows.add(new Row("1. unpaid, cancelled by the user", order.getOrderId(), coupon1, result(cancel)));
    }

    private void paidCancelledBeforeShipping() {
        String coupon2 = freeCoupon("U1002");
        CreateOrderDTO order = create("U1002", coupon2, "SKU-1002", 2);
        pay(order, "U1002", WECHAT);
        awaitStatus(order.getOrderId(), 30);
        JsonResult<Boolean> cancel = cancel(order.getOrderId(), "U1002");
        rows.add(new Row("2. paid, cancelled before shipping", order.getOrderId(), coupon2, result(cancel)));
    }

    private void timeoutThenLatePayment() {
        String coupon3 = freeCoupon("U1003");
        CreateOrderDTO order = create("U1003", coupon3, "SKU-1003", 3);
        step("order " + order.getOrderId() + " will expire at " + order.getExpireTime());
        awaitStatus(order.getOrderId(), 70);
        long lateness = millis(db.row("order_db", "SELECT cancel_time FROM order_info WHERE order_id = ?", order.getOrderId())
                .get("cancel_time")) - order.getExpireTime().getTime();
        rows.add(new Row("3. not paid in time: timeout cancel", order.getOrderId(), coupon3,
                "cancelled " + lateness + " ms after expiry"));
        String coupon4 = freeCoupon("U1004");
        CreateOrderDTO late = create("U1004", coupon4, "SKU-1004", 1);
        String outTradeNo = prePay(late, "U1004", ALIPAY);
        JsonResult<Boolean> firstCancel = cancel(late.getOrderId(), "U1004");
        PayGatewaySimulator.Delivery paid = gateway.pay(late.getOrderId(), outTradeNo, ALIPAY, late.getPayAmount());
        PayGatewaySimulator.Delivery redelivered = gateway.redeliver(paid.notificationId());
        rows.add(new Row("4. payment arrives after the cancel", late.getOrderId(), coupon4,
                result(firstCancel) + "; notification " + result(paid.result()) + "; re-delivered " + result(redelivered.result())));
    }

    private void cancelRefusedAfterOutStock() {
        String coupon5 = freeCoupon("U1005");
        CreateOrderDTO order = create("U1005", coupon5, "SKU-1005", 1);
        pay(order, "U1005", WECHAT);
        awaitStatus(order.getOrderId(), 30);
        JsonResult<Boolean> outStock = client.wmsApi.outStock(order.getOrderId());
        JsonResult<Boolean> cancel = cancel(order.getOrderId(), "U1005");
        rows.add(new Row("5. cancel after out-stock", order.getOrderId(), coupon5,
                "out-stock " + result(outStock) + "; cancel " + result(cancel)));
    }

    private void waitForReleases() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            boolean pending = rows.stream().anyMatch(r -> isCancelled(r.orderId()) && (db.count("inventory_db",
                    "SELECT COUNT(*) FROM product_stock_log l WHERE l.order_id = ? AND l.status = 10", r.orderId()) > 0
                    || r.couponId() != null && db.count("market_db",
                    "SELECT COUNT(*) FROM user_coupon WHERE coupon_id = ? AND order_id = ? AND used = 1", r.couponId(), r.orderId()) > 0))
                    || db.count("order_db", "SELECT COUNT(*) FROM after_sale_info WHERE after_sale_status IN (20, 50)") > 0;
            if (!pending) {
                return;
            }
            sleep(300);
        }
    }

    private boolean isCancelled(String orderId) {
        return db.count("order_db", "SELECT COUNT(*) FROM order_info WHERE order_id = ? AND order_status = 70", orderId) > 0;
    }

    private static String afterSaleName(int code) {
        return Arrays.stream(AfterSaleStatusEnum.values()).filter(s -> s.getCode() == code).findFirst()
                .map(Enum::name).orElse(String.valueOf(code));
    }

    private void printTable() {
        String format = "%-38s %-20s %-9s %-21s %-10s %-22s %9s %9s %-10s %s%n";
        System.out.println();
        System.out.printf(format, "scenario", "order", "status", "fulfill/wms/tms", "stock", "coupon", "paid", "refunded", "after-sale", "API result");
        for (Row row : rows) {
            String orderId = row.orderId();
            String status = OrderStatusEnum.of(db.integer("order_db", "SELECT order_status FROM order_info WHERE order_id = ?", orderId)).name();
            // live rows / intercepted (status CANCELLED 90, kept) rows of fulfill, WMS and TMS
            long intercepted = db.count("fulfill_db", "SELECT COUNT(*) FROM order_fulfill WHERE order_id = ? AND status = 90", orderId)
                    + db.count("wms_db", "SELECT COUNT(*) FROM delivery_order WHERE order_id = ? AND status = 90", orderId)
                    + db.count("tms_db", "SELECT COUNT(*) FROM logistic_order WHERE order_id = ? AND status = 90", orderId);
            String fulfillment = db.count("fulfill_db", "SELECT COUNT(*) FROM order_fulfill WHERE order_id = ? AND status <> 90", orderId) + "/"
                    + db.count("wms_db", "SELECT COUNT(*) FROM delivery_order WHERE order_id = ? AND status <> 90", orderId) + "/"
                    + db.count("tms_db", "SELECT COUNT(*) FROM logistic_order WHERE order_id = ? AND status <> 90", orderId)
                    + (intercepted > 0 ? " (" + intercepted + " intercepted)" : "");
            Integer stockStatus = db.integer("inventory_db", "SELECT MAX(status) FROM product_stock_log WHERE order_id = ?", orderId);
            String stock = stockStatus == null ? "-" : switch (stockStatus) {
                case 10 -> "locked";
                case 20 -> "released";
                case 30 -> "sold";
                default -> String.valueOf(stockStatus);
            };
            String couponState = row.couponId() == null ? "-" : row.couponId() + " " + couponState(row.couponId(), orderId);
            long paid = db.count("order_db", "SELECT COALESCE(SUM(pay_amount), 0) FROM order_payment_record WHERE order_id = ?", orderId);
            long refunded = db.count("pay_db", "SELECT COALESCE(SUM(refund_amount), 0) FROM pay_refund WHERE order_id = ?", orderId);
            Integer afterSale = db.integer("order_db", "SELECT after_sale_status FROM after_sale_info WHERE order_id = ?", orderId);
            System.out.printf(format, row.scenario(), orderId, status, fulfillment, stock, couponState,
                    money(paid), money(refunded), afterSale == null ? "-" : afterSaleName(afterSale), row.outcome());
        }
        System.out.println();
    }

    /** Each order's chain across the services and the broker, on order-service's ops page. */
    private void printTimelineAddresses() {
        int orderHttpPort = ServiceSpec.byName(ServiceSpec.ORDER).httpPort();
        System.out.println("each order's timeline (every step across the services and the broker; sign in as "
                + LocalStackConfig.OPERATOR_USERNAME + " / " + LocalStackConfig.OPERATOR_PASSWORD + "):");
        for (Row row : rows) {
            System.out.printf("  %-38s http://%s:%d/ops/timeline.html?orderId=%s%n", row.scenario(), StackPorts.HOST, orderHttpPort,
                    row.orderId());
        }
        System.out.println();
    }

    private String couponState(String couponId, String orderId) {
        Map<String, Object> coupon = db.row("market_db", "SELECT used, order_id FROM user_coupon WHERE coupon_id = ?", couponId);
        if (((Number) coupon.get("used")).intValue() == 0) {
            return "free";
        }
        return orderId.equals(coupon.get("order_id")) ? "held by this order" : "held by " + coupon.get("order_id");
    }

    /**
     * The user's first coupon no order holds: a run without --reset keeps the coupons earlier runs (or the system
     * tests) left held, and an order of an earlier demo that was never cancelled keeps its coupon for good. Null once
     * the user has none left (the order is then created without a coupon).
     */
    private String freeCoupon(String userId) {
        Map<String, Object> row = db.row("market_db", "SELECT coupon_id FROM user_coupon WHERE user_id = ? AND used = 0 ORDER BY coupon_id LIMIT 1", userId);
        return row == null ? null : (String) row.get("coupon_id");
    }

    private CreateOrderDTO create(String userId, String couponId, String sku, int quantity) {
        CreateOrderRequest request = new CreateOrderRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        OrderItemRequest item = new OrderItemRequest();
        item.setSkuCode(sku);
        item.setSaleQuantity(quantity);
        request.setOrderItemRequestList(List.of(item));
        JsonResult<CreateOrderDTO> result = client.orderApi.createOrder(request);
        if (!result.isOk()) {
            throw new IllegalStateException("createOrder refused: " + result.getErrorCode() + " " + result.getErrorMessage());
        }
        step("created " + result.getData().getOrderId() + " for " + userId + " (" + quantity + " x " + sku + (couponId == null ? ", no free coupon left" : ", coupon " + couponId) + ")");
        return result.getData();
    }

    /** Pre-pay, then the customer pays at the gateway, which notifies pay-service. */
    private void pay(CreateOrderDTO order, String userId, int payType) {
        String outTradeNo = prePay(order, userId, payType);
        PayGatewaySimulator.Delivery paid = gateway.pay(order.getOrderId(), outTradeNo, payType, order.getPayAmount());
        step("paid " + order.getOrderId() + " at the gateway (trade " + outTradeNo + "), notification " + paid.notificationId()
                + ": " + result(paid.result()));
    }

    /** Returns the trade number pay-service opened. */
    private String prePay(CreateOrderDTO order, String userId, int payType) {
        PrePayOrderRequest prePay = new PrePayOrderRequest();
        prePay.setOrderId(order.getOrderId());
        prePay.setUserId(userId);
        prePay.setPayType(payType);
        prePay.setPayAmount(order.getPayAmount());
        JsonResult<PrePayOrderDTO> result = client.orderApi.prePayOrder(prePay);
        step("pre-pay " + order.getOrderId() + ": " + result(result));
        if (!result.isOk()) {
            throw new IllegalStateException("prePayOrder refused: " + result.getErrorCode() + " " + result.getErrorMessage());
        }
        return result.getData().getOutTradeNo();
    }

    private JsonResult<Boolean> cancel(String orderId, String userId) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        JsonResult<Boolean> result = client.afterSaleApi.cancelOrder(request);
        step("cancel " + orderId + ": " + result(result));
        return result;
    }

    private void awaitStatus(String orderId, int status) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Integer.valueOf(status).equals(db.integer("order_db", "SELECT order_status FROM order_info WHERE order_id = ?", orderId))) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("order " + orderId + " did not reach status " + status);
            }
            sleep(200);
        }
    }

    private static String result(JsonResult<?> result) {
        return result.isOk() ? "ok" : result.getErrorCode();
    }

    private static String money(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }

    private static long millis(Object datetime) {
        return Db.epochMillis(datetime);
    }

    private static void step(String line) {
        System.out.println("  " + line);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
