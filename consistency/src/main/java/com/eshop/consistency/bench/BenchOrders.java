package com.eshop.consistency.bench;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.consistency.ClientRetry;
import com.eshop.consistency.CouponPool;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.stack.SuiteClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The bench's client side: the calls a shop front-end and the payment gateway make (create, pre-pay, pay callback,
 * cancel) through {@link SuiteClient}, and the read-only queries that tell when each order's chain is done. Every
 * duration the bench reports is either a client-measured call time or a difference of two timestamps of the same
 * MariaDB, never a mix of clocks.
 */
final class BenchOrders {
    static final int PAY_TYPE = com.eshop.common.api.enums.PayTypeEnum.WECHAT_PAY.getCode();

    record Order(String orderId, String userId, int payAmount, CouponPool.UserCoupon coupon) {
    }

    private final SuiteClient client;
    private final PayGatewaySimulator gateway;
    private final Function<String, String> jdbcUrl;
    private final CouponPool coupons = CouponPool.demo();

    BenchOrders(SuiteClient client, PayGatewaySimulator gateway, Function<String, String> jdbcUrl) {
        this.client = client;
        this.gateway = gateway;
        this.jdbcUrl = jdbcUrl;
    }

    /**
     * Creates one order of two SKUs (with a coupon while the demo pool has one), retried on a transient answer as a
     * client does (the order id makes a retry safe); null when the API refused it. The latency spans the retries.
     */
    Order create(String orderId, String userId, List<String> skus, boolean withCoupon, Latencies latencies) {
        CouponPool.UserCoupon coupon = withCoupon ? coupons.take() : null;
        CreateOrderRequest request = new CreateOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(coupon != null ? coupon.userId() : userId);
        request.setCouponId(coupon != null ? coupon.couponId() : null);
        request.setBusinessIdentifier(1);
        request.setOrderType(1);
        List<OrderItemRequest> lines = new ArrayList<>();
        for (String sku : skus) {
            OrderItemRequest line = new OrderItemRequest();
            line.setSkuCode(sku);
            line.setSaleQuantity(1);
            lines.add(line);
        }
        request.setOrderItemRequestList(lines);
        long started = System.nanoTime();
        JsonResult<CreateOrderDTO> result = retrying(() -> client.orderApi.createOrder(request));
        latencies.add((System.nanoTime() - started) / 1_000_000);
        if (!result.isOk()) {
            if (coupon != null) {
                coupons.giveBack(coupon);
            }
            return null;
        }
        return new Order(orderId, request.getUserId(), result.getData().getPayAmount(), coupon);
    }

    /** Pre-pays and pays at the gateway (which re-delivers its notification on a transient answer); true once paid. */
    boolean pay(Order order) {
        PrePayOrderRequest prePay = new PrePayOrderRequest();
        prePay.setOrderId(order.orderId());
        prePay.setUserId(order.userId());
        prePay.setPayType(PAY_TYPE);
        prePay.setPayAmount(order.payAmount());
        JsonResult<PrePayOrderDTO> prePaid = retrying(() -> client.orderApi.prePayOrder(prePay));
        if (!prePaid.isOk()) {
            return false;
        }
        PayGatewaySimulator.Delivery paid = gateway.pay(order.orderId(), prePaid.getData().getOutTradeNo(), PAY_TYPE, order.payAmount());
        return paid.result().isOk() || retrying(() -> gateway.redeliver(paid.notificationId()).result()).isOk();
    }

    /** A user's cancel, retried on a transient answer as a client does; the final answer's error code or "OK". */
    String cancel(Order order) {
        CancelOrderRequest request = cancelRequest(order);
        JsonResult<Boolean> result = retrying(() -> client.afterSaleApi.cancelOrder(request));
        return result.isOk() ? "OK" : result.getErrorCode();
    }

    private static CancelOrderRequest cancelRequest(Order order) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(order.orderId());
        request.setUserId(order.userId());
        return request;
    }

    /**
     * A user's cancel, sent again after each transient answer (FLOW_LIMITED, LOCK_BUSY, ...) for up to {@code max}, as a
     * closed-loop caller that must get its cancel through does; the final answer's error code or "OK".
     */
    String cancelUntilFinal(Order order, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        String code = cancel(order);
        while (!"OK".equals(code) && ClientRetry.isWorthRetrying(code) && System.nanoTime() < deadline) {
            code = cancel(order);
        }
        return code;
    }

    /** A user's cancel sent once, as the overload phase offers it: "OK", the error code, or "EXCEPTION" (e.g. a timeout). */
    String cancelOnce(Order order) {
        try {
            JsonResult<Boolean> result = client.afterSaleApi.cancelOrder(cancelRequest(order));
            return result.isOk() ? "OK" : result.getErrorCode();
        } catch (RuntimeException e) {
            return "EXCEPTION";
        }
    }

    /** Once an order's chain is done, its coupon may be used again. */
    void giveBackCoupon(Order order) {
        if (order.coupon() != null) {
            coupons.giveBack(order.coupon());
        }
    }

    private static <T> JsonResult<T> retrying(java.util.function.Supplier<JsonResult<T>> call) {
        JsonResult<T> result = call.get();
        for (int attempt = 1; attempt <= 5 && !result.isOk() && ClientRetry.isWorthRetrying(result.getErrorCode()); attempt++) {
            sleep(Duration.ofMillis(200L * attempt));
            result = call.get();
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------- database reads

    /** order id -> milliseconds from its PAID to its FULFILL operate-log entry, for the orders that reached FULFILL. */
    Map<String, Long> paidToFulfill(List<String> orderIds) {
        return queryMillis("order_db", orderIds, """
                SELECT order_id, TIMESTAMPDIFF(MICROSECOND, MAX(CASE WHEN current_status = 20 THEN gmt_create END),
                                                             MAX(CASE WHEN current_status = 30 THEN gmt_create END)) / 1000
                FROM order_operate_log WHERE order_id IN (%s) GROUP BY order_id
                HAVING SUM(current_status = 30) > 0 AND SUM(current_status = 20) > 0""");
    }

    /** order id -> milliseconds from expire time to cancel time, for the orders cancelled by timeout. */
    Map<String, Long> timeoutLateness(List<String> orderIds) {
        return queryMillis("order_db", orderIds, """
                SELECT order_id, TIMESTAMPDIFF(MICROSECOND, expire_time, cancel_time) / 1000 FROM order_info
                WHERE order_id IN (%s) AND order_status = 70 AND cancel_type = 1""");
    }

    /** The orders whose whole cancellation chain is done: refunded (after-sale REFUNDED) and every stock lock released. */
    Set<String> chainDone(List<String> orderIds) {
        Set<String> refunded = queryMillis("order_db", orderIds,
                "SELECT order_id, 0 FROM after_sale_info WHERE order_id IN (%s) AND after_sale_status = 60").keySet();
        Set<String> released = queryMillis("inventory_db", orderIds,
                "SELECT order_id, 0 FROM product_stock_log WHERE order_id IN (%s) GROUP BY order_id HAVING SUM(status <> 20) = 0").keySet();
        return refunded.stream().filter(released::contains).collect(Collectors.toSet());
    }

    private Map<String, Long> queryMillis(String database, List<String> orderIds, String sqlWithInList) {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl.apply(database), "root", "");
             Statement st = c.createStatement()) {
            for (int from = 0; from < orderIds.size(); from += 500) {
                String in = orderIds.subList(from, Math.min(orderIds.size(), from + 500)).stream()
                        .map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
                try (ResultSet rs = st.executeQuery(String.format(Locale.ROOT, sqlWithInList, in))) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + e.getMessage(), e);
        }
        return out;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
