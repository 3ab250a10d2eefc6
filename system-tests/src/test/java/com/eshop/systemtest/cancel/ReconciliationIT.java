package com.eshop.systemtest.cancel;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Pause;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.XxlJobTrigger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message of the cancel chain lost after its local commit leaves a cancelled order with its stock and coupon held
 * or its money unrefunded; the reconciliation job (sharded like the scan) finds it after the grace period and
 * re-drives exactly what is open, once, and then records the order as settled.
 */
class ReconciliationIT {
    private static final int AFTER_SALE_REVIEW_PASS = 20;
    private static final int AFTER_SALE_REFUNDING = 50;
    private static final int AFTER_SALE_REFUNDED = 60;
    private final Scenario scenario = Suite.scenario();

    @Test
    void lostReleaseAssetsLeavesEverythingHeldUntilTheReconciliationReleasesAndRefunds() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1014", 1);
        String orderId = order.getOrderId();

        Faults.with(ServiceSpec.ORDER, FaultPoints.LOST_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.RELEASE_ASSETS_TOPIC, 1.0,
                () -> assertOk(scenario.cancel(orderId, user.userId())));

        assertStuck(orderId, () -> {
            assertThat(scenario.stockLogs(orderId, 10)).as("stock still locked").isPositive();
            assertThat(scenario.coupon(user.couponId()).orderId()).as("coupon still held").isEqualTo(orderId);
            assertThat(scenario.refundedAmount(orderId)).as("nothing refunded").isZero();
        });

        reconcileUntilSettled(orderId);
        assertThat(scenario.stockLogs(orderId, 10)).as("stock released").isZero();
        assertThat(scenario.stockLogs(orderId, 20)).as("stock released").isPositive();
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(0, null));
        assertThat(scenario.refundedAmount(orderId)).isEqualTo((long) order.getPayAmount());
        assertThat(scenario.refundCount(orderId)).isEqualTo(1);
        assertThat(scenario.afterSaleStatus(orderId)).isEqualTo(AFTER_SALE_REFUNDED);
    }

    @Test
    void lostActualRefundLeavesTheAfterSaleApprovedUntilTheReconciliationRefunds() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1015", 4);
        String orderId = order.getOrderId();

        Faults.with(ServiceSpec.ORDER, FaultPoints.LOST_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.ACTUAL_REFUND_TOPIC, 1.0, () -> {
            assertOk(scenario.cancel(orderId, user.userId()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> scenario.afterSales(orderId) == 1);
        });

        assertStuck(orderId, () -> {
            assertThat(scenario.afterSaleStatus(orderId)).as("after-sale approved, never refunded").isEqualTo(AFTER_SALE_REVIEW_PASS);
            assertThat(scenario.refundedAmount(orderId)).isZero();
        });

        reconcileUntilSettled(orderId);
        assertThat(scenario.refundedAmount(orderId)).isEqualTo((long) order.getPayAmount());
        assertThat(scenario.refundCount(orderId)).isEqualTo(1);
        assertThat(scenario.afterSaleStatus(orderId)).isEqualTo(AFTER_SALE_REFUNDED);
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(0, null));
    }

    @Test
    void aLostRefundNotificationIsSentAgainByTheReconciliationWithoutASecondRefund() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1016", 1);
        String orderId = order.getOrderId();

        Faults.with(ServiceSpec.PAY, FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.REFUND_COMPLETED_TOPIC, 1.0, () -> {
            assertOk(scenario.cancel(orderId, user.userId()));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> scenario.refundedAmount(orderId) == (long) order.getPayAmount());
        });

        assertStuck(orderId, () -> assertThat(scenario.afterSaleStatus(orderId)).as("refunded, never completed")
                .isEqualTo(AFTER_SALE_REFUNDING));

        reconcileUntilSettled(orderId);
        assertThat(scenario.afterSaleStatus(orderId)).isEqualTo(AFTER_SALE_REFUNDED);
        assertThat(scenario.refundedAmount(orderId)).isEqualTo((long) order.getPayAmount());
        assertThat(scenario.refundCount(orderId)).as("the notification again, not the refund").isEqualTo(1);
    }

    @Test
    void anOperatorReDrivesADeadLetterOnceAndItsStockIsReleased() throws Exception {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1017", 2));
        String orderId = order.getOrderId();
        scenario.cancelLosingItsStockRelease(orderId, user);
        Pause.sleep(2000);
        assertThat(scenario.stockLogs(orderId, 10)).as("stock still locked").isPositive();

        scenario.deadLetterItsStockRelease(orderId);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(redrive(RocketMqConstant.RELEASE_INVENTORY_CONSUMER_GROUP).getIntValue("redriven")).isPositive());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(scenario.stockLogs(orderId, 10)).as("stock released").isZero();
            assertThat(scenario.stockLogs(orderId, 20)).isPositive();
        });
        assertThat(redrive(RocketMqConstant.RELEASE_INVENTORY_CONSUMER_GROUP).getIntValue("redriven"))
                .as("a dead letter is re-driven once").isZero();
        assertThat(post(ServiceSpec.INVENTORY, "no_such_group").statusCode()).as("a group the service does not consume").isEqualTo(400);
    }

    private static JSONObject redrive(String group) throws Exception {
        HttpResponse<String> response = post(ServiceSpec.INVENTORY, group);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.parseObject(response.body());
    }

    private static HttpResponse<String> post(String service, String group) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ServiceSpec.byName(service).httpPort()
                        + "/actuator/deadletters/" + group))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", LocalStackConfig.operatorAuthorization())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private CreateOrderDTO fulfilledOrder(TestData.UserCoupon user, String sku, int quantity) {
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items(sku, quantity));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        return order;
    }

    /** The chain left on its own: after longer than the grace period, nothing has moved. */
    private void assertStuck(String orderId, Runnable stuck) {
        Pause.sleep(Suite.RECONCILE_GRACE.plusSeconds(3).toMillis());
        assertThat(scenario.orderStatus(orderId)).isEqualTo(OrderStatusEnum.CANCELED.getCode());
        stuck.run();
    }

    /** Runs the job (two shards, as two executors would) until the order is recorded as settled. */
    private void reconcileUntilSettled(String orderId) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(XxlJobTrigger.runReconciliation(Suite.stack(), 0, 2)).isTrue();
            assertThat(XxlJobTrigger.runReconciliation(Suite.stack(), 1, 2)).isTrue();
            assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_cancel_settlement WHERE order_id = ?", orderId))
                    .as("settled").isEqualTo(1);
        });
    }

    private static void assertOk(JsonResult<Boolean> result) {
        assertThat(result.isOk()).as("%s %s", result.getErrorCode(), result.getErrorMessage()).isTrue();
    }
}
