package com.eshop.systemtest.cancel;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.Db;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Broker;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.apache.rocketmq.common.message.MessageExt;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pay timeout on a broker without timer messages (RocketMQ 4.x): order-service runs with
 * {@code eshop.rocketmq.delay-mode=level} for this class, on the broker's default delay levels, which the embedded
 * RocketMQ 5 broker honours too; it runs as configured again afterwards.
 */
class LevelDelayTimeoutIT {
    private static final Duration PAY_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Most pay-timeout messages of one order within 20 s on the default levels (1s 5s 10s 30s ...): one of 10 s, one
     * of 5 s, four of 1 s while 1-5 s remain and a last one of 1 s for what remains under a second. A listener that
     * re-sent an early message at once would send hundreds.
     */
    private static final int MOST_TIMEOUT_MESSAGES = 7;
    /** The default level of 10 s, the longest within the pay timeout. */
    private static final int LONGEST_LEVEL_WITHIN_PAY_TIMEOUT = 3;

    private final Scenario scenario = Suite.scenario();

    @BeforeAll
    static void runOrderServiceInLevelMode() {
        restartOrderService(Map.of("eshop.rocketmq.delay-mode", "level", "eshop.order.pay-timeout", PAY_TIMEOUT.toString()));
    }

    @AfterAll
    static void runOrderServiceAsConfiguredAgain() {
        restartOrderService(Map.of());
    }

    @Test
    void anUnpaidOrderIsCancelledAsATimeoutAfterItsExpireTimeThroughFewEarlyArrivals() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1015", 3));
        String orderId = order.getOrderId();

        scenario.awaitOrderStatus(orderId, OrderStatusEnum.CANCELED, PAY_TIMEOUT.plusSeconds(30));

        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 1, 0);
        assertThat(Db.epochMillis(scenario.db().row("order_db", "SELECT cancel_time FROM order_info WHERE order_id = ?", orderId)
                .get("cancel_time"))).as("never cancelled before the expire time").isGreaterThanOrEqualTo(order.getExpireTime().getTime());
        List<MessageExt> delivered = Suite.broker().messages(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC, orderId);
        assertThat(delivered).as("early arrivals sent again no faster than the levels allow").hasSizeLessThanOrEqualTo(MOST_TIMEOUT_MESSAGES);
        assertThat(Suite.broker().messages(Broker.TIMER_TOPIC, orderId)).as("no timer message").isEmpty();
        assertThat(Suite.broker().messages(Broker.DELAY_LEVEL_TOPIC, orderId)).as("each one held back by a delay level")
                .hasSameSizeAs(delivered)
                .allSatisfy(m -> assertThat(m.getDelayTimeLevel()).isBetween(1, LONGEST_LEVEL_WITHIN_PAY_TIMEOUT));
    }

    private static void restartOrderService(Map<String, String> springProperties) {
        Suite.stack().restartService(ServiceSpec.ORDER, springProperties);
        // healthy is not yet registered: wait until a client reaches the new instance through the registry
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Suite.client().orderApi.getOrderDetail("O-PROBE", "U-PROBE") != null);
    }
}
