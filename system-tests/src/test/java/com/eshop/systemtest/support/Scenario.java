package com.eshop.systemtest.support;

import com.eshop.stack.Db;
import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CancelOrderRequest;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.CreateOrderRequest;
import com.eshop.common.api.order.OrderItemRequest;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.common.api.order.PrePayOrderRequest;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.SuiteClient;
import org.apache.rocketmq.common.MixAll;
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
    private final PayGatewaySimulator gateway;

    public Scenario(SuiteClient client, Db db, PayGatewaySimulator gateway) {
        this.client = client;
        this.db = db;
        this.gateway = gateway;
    }

    public PayGatewaySimulator gateway() {
        return gateway;
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

    /**
     * The customer pays {@code amount} at the gateway for the trade pre-pay opened with {@code payType}; the gateway's
     * signed notification goes to pay-service, which calls order-service's pay callback. pay-service's answer.
     */
    public JsonResult<Boolean> payAtGateway(String orderId, int payType, int amount) {
        return payAtGatewayDelivery(orderId, payType, amount).result();
    }

    public PayGatewaySimulator.Delivery payAtGatewayDelivery(String orderId, int payType, int amount) {
        return gateway.pay(orderId, tradeNumber(orderId, payType), payType, amount);
    }

    /** The trade number pay-service's pre-pay opened for this order and pay type. */
    public String tradeNumber(String orderId, int payType) {
        List<Map<String, Object>> rows = db.rows("pay_db", "SELECT out_trade_no FROM pay_transaction WHERE order_id = ? AND pay_type = ?",
                orderId, payType);
        assertThat(rows).as("pre-pay of %s with pay type %s opened a trade", orderId, payType).hasSize(1);
        return (String) rows.get(0).get("out_trade_no");
    }

    /** Pre-pay, then payment at the gateway; asserts both succeed. Returns the gateway's delivery (to re-deliver it). */
    public PayGatewaySimulator.Delivery pay(CreateOrderDTO order, String userId) {
        JsonResult<PrePayOrderDTO> prePay = prePay(order.getOrderId(), userId, WECHAT, order.getPayAmount());
        assertThat(prePay.isOk()).as("prePay: %s %s", prePay.getErrorCode(), prePay.getErrorMessage()).isTrue();
        PayGatewaySimulator.Delivery paid = payAtGatewayDelivery(order.getOrderId(), WECHAT, order.getPayAmount());
        assertThat(paid.result().isOk()).as("payment notification: %s", paid).isTrue();
        return paid;
    }

    public JsonResult<Boolean> cancel(String orderId, String userId) {
        CancelOrderRequest request = new CancelOrderRequest();
        request.setOrderId(orderId);
        request.setUserId(userId);
        return client.afterSaleApi.cancelOrder(request);
    }

    /**
     * A cancel that was refused with a retryable answer or lost with its connection is retried as a client would:
     * it must be accepted (OK, also when the first attempt had taken effect after all) within {@code within}.
     */
    public void cancelUntilAccepted(String orderId, String userId, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> cancel(orderId, userId).isOk());
    }

    /** A paid order with the user's coupon, cancelled in FULFILL and awaited until fully cancelled and refunded. */
    public CreateOrderDTO paidOrderCancelledInFulfillment(TestData.UserCoupon user, String skuCode) {
        CreateOrderDTO order = createOrder(user.userId(), user.couponId(), items(skuCode, 1));
        pay(order, user.userId());
        awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));

        JsonResult<Boolean> cancel = cancel(order.getOrderId(), user.userId());

        assertThat(cancel.isOk()).as("%s %s", cancel.getErrorCode(), cancel.getErrorMessage()).isTrue();
        Outcomes.assertFullyCancelled(this, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
        return order;
    }

    /**
     * Cancels the unpaid order while its stock release is lost on the way (the coupon's, sent right after it, is not):
     * once the coupon is free again, the stock is still locked.
     */
    public void cancelLosingItsStockRelease(String orderId, TestData.UserCoupon user) {
        Faults.with(ServiceSpec.ORDER, FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC, 1.0, () -> {
            JsonResult<Boolean> cancel = cancel(orderId, user.userId());
            assertThat(cancel.isOk()).as("cancel: %s %s", cancel.getErrorCode(), cancel.getErrorMessage()).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> coupon(user.couponId()).used() == 0);
        });
    }

    /** The order's stock release as the broker leaves it in the inventory consumer's DLQ after the last retry. */
    public void deadLetterItsStockRelease(String orderId) {
        CancelOrderReleaseProductStockRequest release = new CancelOrderReleaseProductStockRequest();
        release.setOrderId(orderId);
        TestProducer.send(MixAll.DLQ_GROUP_TOPIC_PREFIX + RocketMqConstant.RELEASE_INVENTORY_CONSUMER_GROUP, orderId, release);
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
