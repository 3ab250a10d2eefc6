package com.eshop.systemtest.cancel;

import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Pause;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service dies between a half message and its commit. After a restart the broker's check-back, working
 * from the message alone, commits exactly the transactions that committed (sections 17, 19; defects 1, 2, 11).
 */
class TransactionRecoveryIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void cancelCommittedGloballyThenCrashTheCheckBackDeliversReleaseAssets() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1003");

        Faults.set(ServiceSpec.ORDER, FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.RELEASE_ASSETS_TOPIC, 1.0);
        callIgnoringTheCrash(() -> scenario.cancel(order.getOrderId(), user.userId()));
        restartOrderService();

        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
    }

    @Test
    void crashInsideTheCancelGlobalTransactionTheCheckBackRollsTheMessageBack() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1004");

        Faults.set(ServiceSpec.ORDER, FaultPoints.ORDER_HALT_INSIDE_CANCEL_TRANSACTION, 1.0);
        callIgnoringTheCrash(() -> scenario.cancel(order.getOrderId(), user.userId()));
        restartOrderService();

        String orderId = order.getOrderId();
        // the coordinator rolls the orphaned global transaction back; the interception's cancellations are undone
        // (the rows were kept, CANCELLED, holding their global locks; now live again)
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(scenario.fulfillOrders(orderId)).isEqualTo(1);
            assertThat(scenario.deliveryOrders(orderId)).isEqualTo(1);
            assertThat(scenario.logisticOrders(orderId)).isEqualTo(1);
            assertThat(scenario.fulfillStatus(orderId)).as("fulfill order CREATED again").isEqualTo(10);
            assertThat(scenario.deliveryStatus(orderId)).as("delivery order PICKING again").isEqualTo(10);
            assertThat(scenario.logisticStatus(orderId)).as("logistic order CREATED again").isEqualTo(10);
            assertThat(scenario.orderStatus(orderId)).isEqualTo(OrderStatusEnum.FULFILL.getCode());
        });
        assertThat(Suite.broker().messages(RocketMqConstant.RELEASE_ASSETS_TOPIC, orderId)).isEmpty();
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, orderId));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> scenario.cancel(orderId, user.userId()).isOk());
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
    }

    /**
     * The client retries at once after the restart, while the coordinator has still to roll the dead attempt back:
     * no retry may commit over that attempt's cancelled (uncommitted) interception. The retries are refused
     * (LOCK_BUSY / failed) until the rollback is done, then one succeeds and intercepts for real: the order ends
     * CANCELED, refunded, with its fulfill, delivery and logistic orders CANCELLED, none live again.
     */
    @Test
    void crashInsideTheCancelGlobalTransactionThenAnImmediateRetryNeverCommitsOverTheUnfinishedRollback() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1008");
        String orderId = order.getOrderId();

        Faults.set(ServiceSpec.ORDER, FaultPoints.ORDER_HALT_INSIDE_CANCEL_TRANSACTION, 1.0);
        callIgnoringTheCrash(() -> scenario.cancel(orderId, user.userId()));
        restartOrderService();

        int attempts = 0;
        long deadline = System.currentTimeMillis() + 120_000;
        boolean cancelled = false;
        while (!cancelled && System.currentTimeMillis() < deadline) {
            attempts++;
            cancelled = scenario.cancel(orderId, user.userId()).isOk();
            if (!cancelled) {
                assertThat(scenario.orderStatus(orderId)).as("a refused retry leaves the order as it is")
                        .isIn(OrderStatusEnum.FULFILL.getCode(), OrderStatusEnum.CANCELED.getCode());
                Pause.sleep(200);
            }
        }
        assertThat(cancelled).as("a retry succeeds once the rollback is done (%d attempts)", attempts).isTrue();
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
        // the rollback is over (the order committed CANCELED after it): nothing may come back to life afterwards
        Pause.sleep(3000);
        assertThat(scenario.fulfillStatus(orderId)).as("fulfill order").isEqualTo(90);
        assertThat(scenario.deliveryStatus(orderId)).as("delivery order").isEqualTo(90);
        assertThat(scenario.logisticStatus(orderId)).as("logistic order").isEqualTo(90);
    }

    @Test
    void afterSaleWrittenThenCrashTheCheckBackCommitsActualRefund() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1005");

        Faults.set(ServiceSpec.ORDER, FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.ACTUAL_REFUND_TOPIC, 1.0);
        assertThat(scenario.cancel(order.getOrderId(), user.userId()).isOk()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !Suite.stack().isServiceHealthy(ServiceSpec.ORDER));
        assertThat(scenario.afterSales(order.getOrderId())).as("after-sale committed before the crash").isEqualTo(1);
        restartOrderService();

        // defect 2: the article's inverted check-back would roll ACTUAL_REFUND back and the money would never return
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
    }

    private CreateOrderDTO fulfilledOrder(TestData.UserCoupon user, String sku) {
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items(sku, 1));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        return order;
    }

    private static void callIgnoringTheCrash(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException connectionLostWithTheProvider) {
            // expected: the provider died mid-call
        }
    }

    private void restartOrderService() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !Suite.stack().isServiceHealthy(ServiceSpec.ORDER));
        Suite.stack().killService(ServiceSpec.ORDER);
        Suite.stack().startService(ServiceSpec.ORDER);
        // healthy is not yet registered: wait until a client reaches the new instance through the registry
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> scenario.client().orderApi.getOrderDetail("O-PROBE", "U-PROBE") != null);
    }
}
