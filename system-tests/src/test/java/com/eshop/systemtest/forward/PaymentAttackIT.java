package com.eshop.systemtest.forward;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.pay.GatewaySignature;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.stack.PayGatewaySimulator.Delivery;
import com.eshop.stack.PayGatewaySimulator.SignedRequest;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.ALIPAY;
import static com.eshop.systemtest.support.Scenario.WECHAT;
import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way money could move, tried from outside as a customer or an outsider on the same host would (HTTP, as curl):
 * money comes in only as a notification the gateway signed recently that matches a trade pay-service opened, and
 * leaves only as the refund of money that came in. Each refused attempt changes nothing in any database.
 */
class PaymentAttackIT {
    private final Scenario scenario = Suite.scenario();
    private final PayGatewaySimulator gateway = scenario.gateway();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCustomerCannotPayByCallingThePayCallbackHimself() throws Exception {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), null, items("SKU-1019", 1));
        assertThat(scenario.prePay(order.getOrderId(), user.userId(), WECHAT, order.getPayAmount()).isOk()).isTrue();
        Map<String, Object> before = moneyState(order.getOrderId());
        String forged = "[{\"orderId\":\"" + order.getOrderId() + "\",\"payType\":10,\"payAmount\":" + order.getPayAmount()
                + ",\"outTradeNo\":\"T-MADE-UP\"}]";

        HttpResponse<String> publicApi = post(ServiceSpec.ORDER, "com.eshop.common.api.order.OrderApi/payCallback", forged);
        HttpResponse<String> internalApi = post(ServiceSpec.ORDER, "com.eshop.common.api.order.OrderInternalApi/payCallback", forged);

        assertThat(publicApi.statusCode()).as("no public pay callback: %s", publicApi.body()).isNotEqualTo(200);
        assertThat(internalApi.statusCode()).as("the internal one refuses an outsider: %s", internalApi.body()).isNotEqualTo(200);
        assertThat(moneyState(order.getOrderId())).isEqualTo(before).containsEntry("order_status", OrderStatusEnum.CREATED.getCode());
    }

    @Test
    void notificationsTheGatewayDidNotSignRecentlyAreRefusedAndChangeNothing() throws Exception {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), null, items("SKU-1019", 1));
        assertThat(scenario.prePay(order.getOrderId(), user.userId(), WECHAT, order.getPayAmount()).isOk()).isTrue();
        String body = JSON.toJSONString(PayGatewaySimulator.notification(order.getOrderId(), scenario.tradeNumber(order.getOrderId(), WECHAT),
                WECHAT, order.getPayAmount()));
        SignedRequest genuine = gateway.sign(body, Instant.now());
        KeyPair attacker = GatewaySignature.newKeyPair();
        String now = String.valueOf(Instant.now().getEpochSecond());
        Map<String, Object> before = moneyState(order.getOrderId());

        Map<String, SignedRequest> attempts = new LinkedHashMap<>();
        attempts.put("unsigned", new SignedRequest(null, null, null, body));
        attempts.put("signed with another key", new SignedRequest(now, "n1", GatewaySignature.sign(attacker.getPrivate(), now, "n1", body), body));
        attempts.put("a genuine signature over another amount", new SignedRequest(genuine.timestamp(), genuine.nonce(), genuine.signature(),
                body.replace("\"payAmount\":" + order.getPayAmount(), "\"payAmount\":1")));
        attempts.put("a genuine signature with another timestamp", new SignedRequest(String.valueOf(Long.parseLong(genuine.timestamp()) + 1),
                genuine.nonce(), genuine.signature(), body));
        attempts.put("signature garbage", new SignedRequest(now, "n1", "!!not-base64!!", body));
        attempts.put("an old notification replayed", gateway.sign(body, Instant.now().minus(Duration.ofMinutes(6))));
        attempts.put("a notification from the future", gateway.sign(body, Instant.now().plus(Duration.ofMinutes(6))));

        attempts.forEach((attack, request) -> {
            Delivery refused = gateway.post(request);
            assertThat(refused.status()).as("%s: %s", attack, refused.response()).isEqualTo(401);
            assertThat(refused.result().getErrorCode()).as(attack)
                    .isIn(ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID.name(), ErrorCode.PAY_NOTIFICATION_EXPIRED.name());
        });
        assertThat(moneyState(order.getOrderId())).isEqualTo(before);
    }

    @Test
    void signedNotificationsThatDoNotMatchATradePayServiceOpenedAreRefusedAndChangeNothing() {
        TestData.UserCoupon a = TestData.nextUserWithCoupon();
        TestData.UserCoupon b = TestData.nextUserWithCoupon();
        CreateOrderDTO orderA = scenario.createOrder(a.userId(), null, items("SKU-1019", 1));
        CreateOrderDTO orderB = scenario.createOrder(b.userId(), null, items("SKU-1019", 2));
        assertThat(scenario.prePay(orderA.getOrderId(), a.userId(), WECHAT, orderA.getPayAmount()).isOk()).isTrue();
        assertThat(scenario.prePay(orderB.getOrderId(), b.userId(), WECHAT, orderB.getPayAmount()).isOk()).isTrue();
        String tradeA = scenario.tradeNumber(orderA.getOrderId(), WECHAT);
        Map<String, Object> beforeA = moneyState(orderA.getOrderId());
        Map<String, Object> beforeB = moneyState(orderB.getOrderId());

        Map<String, Delivery> attempts = new LinkedHashMap<>();
        attempts.put("A's trade for order B", gateway.pay(orderB.getOrderId(), tradeA, WECHAT, orderB.getPayAmount()));
        attempts.put("A's trade for order B at A's amount", gateway.pay(orderB.getOrderId(), tradeA, WECHAT, orderA.getPayAmount()));
        attempts.put("A's trade with another pay type", gateway.pay(orderA.getOrderId(), tradeA, ALIPAY, orderA.getPayAmount()));
        attempts.put("less than the order", gateway.pay(orderA.getOrderId(), tradeA, WECHAT, orderA.getPayAmount() - 1));
        attempts.put("more than the order", gateway.pay(orderA.getOrderId(), tradeA, WECHAT, orderA.getPayAmount() + 1));
        attempts.put("a trade pay-service never opened", gateway.pay(orderA.getOrderId(), "T-NEVER-OPENED", WECHAT, orderA.getPayAmount()));
        attempts.put("a second pay type never pre-paid", gateway.pay(orderA.getOrderId(), "T-ALIPAY-" + orderA.getOrderId(), ALIPAY,
                orderA.getPayAmount()));

        attempts.forEach((attack, refused) -> {
            assertThat(refused.status()).as("%s: %s", attack, refused.response()).isEqualTo(409);
            assertThat(refused.result().getErrorCode()).as(attack)
                    .isIn(ErrorCode.PAY_NOTIFICATION_MISMATCH.name(), ErrorCode.PAY_TRANSACTION_NOT_FOUND.name());
        });
        assertThat(moneyState(orderA.getOrderId())).isEqualTo(beforeA);
        assertThat(moneyState(orderB.getOrderId())).isEqualTo(beforeB);
    }

    @Test
    void theSamePaymentNotifiedAgainIsCapturedAndKeptOnce() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), null, items("SKU-1019", 1));
        Delivery paid = scenario.pay(order, user.userId());
        String trade = scenario.tradeNumber(order.getOrderId(), WECHAT);

        Delivery redelivered = gateway.redeliver(paid.notificationId());
        Delivery replayedBody = gateway.post(gateway.sign(gateway.notificationBody(paid.notificationId()), Instant.now()));
        Delivery secondNotificationOfTheTrade = gateway.pay(order.getOrderId(), trade, WECHAT, order.getPayAmount());

        for (Delivery again : List.of(redelivered, replayedBody, secondNotificationOfTheTrade)) {
            assertThat(again.status()).as(again.response()).isEqualTo(200);
            assertThat(again.result().isOk()).as(again.response()).isTrue();
        }
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        assertThat(moneyState(order.getOrderId())).containsEntry("captures", 1L).containsEntry("captured", (long) order.getPayAmount())
                .containsEntry("payment_records", 1L).containsEntry("refunds", 0L).containsEntry("paid_transactions", 1L)
                .containsEntry("fulfill_orders", 1L);
    }

    @Test
    void aRealPaymentForACancelledOrderIsCapturedAndRefundedInFull() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1019", 1));
        assertThat(scenario.prePay(order.getOrderId(), user.userId(), ALIPAY, order.getPayAmount()).isOk()).isTrue();
        assertThat(scenario.cancel(order.getOrderId(), user.userId()).isOk()).isTrue();

        Delivery paid = scenario.payAtGatewayDelivery(order.getOrderId(), ALIPAY, order.getPayAmount());

        assertThat(paid.status()).as(paid.response()).isEqualTo(200);
        assertThat(paid.result().getErrorCode()).isEqualTo(ErrorCode.ORDER_CANCEL_PAY_CALLBACK_REFUNDED.name());
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
        assertThat(moneyState(order.getOrderId())).containsEntry("captures", 1L).containsEntry("captured", (long) order.getPayAmount())
                .containsEntry("refunds", 1L).containsEntry("refunded", (long) order.getPayAmount()).containsEntry("fulfill_orders", 0L);
    }

    @Test
    void anOrderIsReadOnlyByItsOwner() throws Exception {
        TestData.UserCoupon owner = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(owner.userId(), null, items("SKU-1019", 1));
        // TestData hands out five coupons per user, so its next user may be the owner again
        String other = owner.userId().equals("U1001") ? "U1002" : "U1001";

        for (String call : List.of("OrderApi/getOrderDetail", "AfterSaleApi/listAfterSales")) {
            HttpResponse<String> noUser = post(ServiceSpec.ORDER, "com.eshop.common.api.order." + call, "[\"" + order.getOrderId() + "\"]");
            HttpResponse<String> otherUser = post(ServiceSpec.ORDER, "com.eshop.common.api.order." + call,
                    "[\"" + order.getOrderId() + "\", \"" + other + "\"]");
            HttpResponse<String> ownerAsks = post(ServiceSpec.ORDER, "com.eshop.common.api.order." + call,
                    "[\"" + order.getOrderId() + "\", \"" + owner.userId() + "\"]");

            assertThat(noUser.body()).as(call).doesNotContain(owner.userId()).doesNotContain("\"success\":true");
            JSONObject refused = JSON.parseObject(otherUser.body());
            assertThat(refused.getString("errorCode")).as(call + ": " + otherUser.body()).isEqualTo(ErrorCode.ORDER_NOT_OWNED.name());
            assertThat(refused.get("data")).as(call).isNull();
            assertThat(JSON.parseObject(ownerAsks.body()).getBoolean("success")).as(call + ": " + ownerAsks.body()).isTrue();
        }
    }

    /** What this order holds in every database where money or goods move. */
    private Map<String, Object> moneyState(String orderId) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("order_status", scenario.orderStatus(orderId));
        state.put("pay_status", scenario.db().integer("order_db", "SELECT COALESCE(MAX(pay_status), 0) FROM order_payment_detail WHERE order_id = ?", orderId));
        state.put("payment_records", scenario.db().count("order_db", "SELECT COUNT(*) FROM order_payment_record WHERE order_id = ?", orderId));
        state.put("captures", scenario.db().count("pay_db", "SELECT COUNT(*) FROM pay_capture WHERE order_id = ?", orderId));
        state.put("captured", scenario.db().count("pay_db", "SELECT COALESCE(SUM(pay_amount), 0) FROM pay_capture WHERE order_id = ?", orderId));
        state.put("paid_transactions", scenario.db().count("pay_db", "SELECT COUNT(*) FROM pay_transaction WHERE order_id = ? AND status = 20", orderId));
        state.put("refunds", scenario.refundCount(orderId));
        state.put("refunded", scenario.refundedAmount(orderId));
        state.put("fulfill_orders", scenario.fulfillOrders(orderId));
        state.put("paid_messages", (long) Suite.broker().messages(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC, orderId).size());
        return state;
    }

    private HttpResponse<String> post(String service, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":" + ServiceSpec.byName(service).dubboPort() + "/" + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
