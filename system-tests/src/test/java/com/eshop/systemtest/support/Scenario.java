package com.eshop.systemtest.support;

import com.eshop.stack.Db;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PayCallbackRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.stack.SuiteClient;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Client operations and database probes shared by the system tests. */
public final class Scenario {
    public static final int WECHAT = 10;
    public static final int ALIPAY = 20;

    private final SuiteClient client;
    private final Db db;

    public Scenario(SuiteClient client, Db db) {
        this.client = client;
        this.db = db;
    }

    public SuiteClient client() {
        return client;
    }

    public Db db() {
        return db;
    }

    public record Stock(int available, int locked, int sold) {
    }

    public record Coupon(int used, String orderId) {
    }

    public JsonResult<CreateOrderDTO> tryCreateOrder(String userId, String couponId, Map<String, Integer> items) {
        CreateOrderRequest request = new CreateOrderRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setBusinessIdentifier(1);
        request.setOrderType(1);
        List<OrderItemRequest> lines = new ArrayList<>();
        items.forEach((sku, quantity) -> {
            OrderItemRequest line = new OrderItemRequest();
            line.setSkuCode(sku);
            line.setSaleQuantity(quantity);
            lines.add(line);
        });
        request.setOrderItemRequestList(lines);
        return client.orderApi.createOrder(request);
    }

    public CreateOrderDTO createOrder(String userId, String couponId, Map<String, Integer> items) {
        JsonResult<CreateOrderDTO> result = tryCreateOrder(userId, couponId, items);
        assertThat(result.isOk()).as("createOrder: %s %s", result.getErrorCode(), result.getErrorMessage()).isTrue();
        return result.getData();
    }

    public JsonResult<PrePayOrderDTO> prePay(String orderId, String userId, int payType, int amount) {
        PrePayOrderRequest request = new PrePayOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        request.setPayType(payType);
        request.setPayAmount(amount);
        return client.orderApi.prePayOrder(request);
    }

    public JsonResult<Boolean> payCallback(String orderId, int payType, int amount) {
        PayCallbackRequest request = new PayCallbackRequest();
        request.setOrderId(orderId);
        request.setPayType(payType);
        request.setPayAmount(amount);
        request.setOutTradeNo(tradeNumber(orderId, payType));
        request.setPayAccount("buyer@example.com");
        return client.orderApi.payCallback(request);
    }

    /** The gateway's trade number of this test's payment: one per (order, pay type), within 64 characters for any order id. */
    public static String tradeNumber(String orderId, int payType) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "T" + payType + "-" + java.util.HexFormat.of().formatHex(digest, 0, 20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pre-pay then the gateway's callback; asserts both succeed. */
    public void pay(CreateOrderDTO order, String userId) {
        JsonResult<PrePayOrderDTO> prePay = prePay(order.getOrderId(), userId, WECHAT, order.getPayAmount());
        assertThat(prePay.isOk()).as("prePay: %s %s", prePay.getErrorCode(), prePay.getErrorMessage()).isTrue();
        JsonResult<Boolean> callback = payCallback(order.getOrderId(), WECHAT, order.getPayAmount());
        assertThat(callback.isOk()).as("payCallback: %s %s", callback.getErrorCode(), callback.getErrorMessage()).isTrue();
    }

    public JsonResult<Boolean> cancel(String orderId, String userId) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        return client.afterSaleApi.cancelOrder(request);
    }

    public Integer orderStatus(String orderId) {
        return db.integer("order_db", "SELECT order_status FROM order_info WHERE order_id = ?", orderId);
    }

    public void awaitOrderStatus(String orderId, OrderStatusEnum status, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(orderStatus(orderId)).as("status of %s", orderId).isEqualTo(status.getCode()));
    }

    public Stock stock(String skuCode) {
        Map<String, Object> row = db.row("inventory_db",
                "SELECT sale_stock_quantity, locked_stock_quantity, saled_stock_quantity FROM product_stock WHERE sku_code = ?", skuCode);
        return new Stock(((Number) row.get("sale_stock_quantity")).intValue(), ((Number) row.get("locked_stock_quantity")).intValue(),
                ((Number) row.get("saled_stock_quantity")).intValue());
    }

    public Coupon coupon(String couponId) {
        Map<String, Object> row = db.row("market_db", "SELECT used, order_id FROM user_coupon WHERE coupon_id = ?", couponId);
        return new Coupon(((Number) row.get("used")).intValue(), (String) row.get("order_id"));
    }

    /** Sum of the refunds the gateway executed for the order. */
    public long refundedAmount(String orderId) {
        return db.count("pay_db", "SELECT COALESCE(SUM(refund_amount), 0) FROM pay_refund WHERE order_id = ?", orderId);
    }

    public long refundCount(String orderId) {
        return db.count("pay_db", "SELECT COUNT(*) FROM pay_refund WHERE order_id = ?", orderId);
    }

    public long fulfillOrders(String orderId) {
        return db.count("fulfill_db", "SELECT COUNT(*) FROM order_fulfill WHERE order_id = ?", orderId);
    }

    public long deliveryOrders(String orderId) {
        return db.count("wms_db", "SELECT COUNT(*) FROM delivery_order WHERE order_id = ?", orderId);
    }

    public long logisticOrders(String orderId) {
        return db.count("tms_db", "SELECT COUNT(*) FROM logistic_order WHERE order_id = ?", orderId);
    }

    /** Status of the order's fulfill order (10 CREATED, 90 CANCELLED), null when it has none. */
    public Integer fulfillStatus(String orderId) {
        return db.integer("fulfill_db", "SELECT status FROM order_fulfill WHERE order_id = ?", orderId);
    }

    /** Status of the order's delivery order (10 PICKING, 20 OUT_STOCK, 90 CANCELLED), null when it has none. */
    public Integer deliveryStatus(String orderId) {
        return db.integer("wms_db", "SELECT status FROM delivery_order WHERE order_id = ?", orderId);
    }

    /** Status of the order's logistic order (10 CREATED, 20 IN_TRANSIT, 90 CANCELLED), null when it has none. */
    public Integer logisticStatus(String orderId) {
        return db.integer("tms_db", "SELECT status FROM logistic_order WHERE order_id = ?", orderId);
    }

    public long afterSales(String orderId) {
        return db.count("order_db", "SELECT COUNT(*) FROM after_sale_info WHERE order_id = ?", orderId);
    }

    public Integer afterSaleStatus(String orderId) {
        return db.integer("order_db", "SELECT after_sale_status FROM after_sale_info WHERE order_id = ?", orderId);
    }

    /** Stock rows of this order by status (10 LOCKED, 20 RELEASED, 30 DEDUCTED). */
    public long stockLogs(String orderId, int status) {
        return db.count("inventory_db", "SELECT COUNT(*) FROM product_stock_log WHERE order_id = ? AND status = ?", orderId, status);
    }

    public static Map<String, Integer> items(Object... skuAndQuantity) {
        Map<String, Integer> items = new java.util.LinkedHashMap<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            items.put((String) skuAndQuantity[i], (Integer) skuAndQuantity[i + 1]);
        }
        return items;
    }
}
