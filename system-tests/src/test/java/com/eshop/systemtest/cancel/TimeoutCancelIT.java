package com.eshop.systemtest.cancel;

import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.PayOrderTimeoutDelayMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Broker;
import com.eshop.stack.Db;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.XxlJobTrigger;
import com.eshop.systemtest.support.TestProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Sections 1-6: the pay-timeout message cancels at the expire time; the scan is the safety net. */
class TimeoutCancelIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void theTimeoutMessageCancelsAnUnpaidOrderAtItsExpireTimeWithCancelTypeTimeout() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1012", 2));

        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.CANCELED, Suite.PAY_TIMEOUT.plusSeconds(15));

        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 1, 0);
        long lateness = cancelTime(order.getOrderId()) - order.getExpireTime().getTime();
        System.out.printf("timeout lateness (expire time -> cancel committed): %d ms%n", lateness);
        assertThat(lateness).as("never cancelled before the expire time").isNotNegative();
        assertThat(scenario.db().integer("order_db",
                "SELECT operate_type FROM order_operate_log WHERE order_id = ? AND current_status = 70", order.getOrderId())).isEqualTo(60);
    }

    @Test
    void whenTheTimeoutMessageIsLostTheScanCancelsTheExpiredOrder() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO[] order = new CreateOrderDTO[1];
        Faults.with(ServiceSpec.ORDER, FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE, 1.0,
                () -> order[0] = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1013", 1)));
        String orderId = order[0].getOrderId();
        assertThat(Suite.broker().messages(Broker.TIMER_TOPIC, orderId)).as("no timeout message").isEmpty();

        assertThat(XxlJobTrigger.run(Suite.stack(), 0, 1)).isTrue();
        assertThat(scenario.orderStatus(orderId)).as("not expired yet: the scan leaves it").isEqualTo(OrderStatusEnum.CREATED.getCode());

        sleepUntil(order[0].getExpireTime().getTime() + 500);
        assertThat(scenario.orderStatus(orderId)).as("no message: nothing cancels it but the scan").isEqualTo(OrderStatusEnum.CREATED.getCode());
        assertThat(XxlJobTrigger.run(Suite.stack(), 0, 1)).isTrue();

        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 1, 0);
    }

    @Test
    void aTimeoutMessageThatArrivesEarlyIsDelayedAgainNotDropped() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO[] order = new CreateOrderDTO[1];
        Faults.with(ServiceSpec.ORDER, FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE, 1.0,
                () -> order[0] = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1014", 1)));
        String orderId = order[0].getOrderId();
        PayOrderTimeoutDelayMessage early = new PayOrderTimeoutDelayMessage();
        early.setOrderId(orderId);
        early.setUserId(user.userId());
        early.setOrderStatus(10);
        early.setExpireTimeMillis(System.currentTimeMillis());

        TestProducer.send(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC, orderId, early);

        // the early message is consumed at once and re-delayed to the real expire time (defect 4)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(Suite.broker().messages(Broker.TIMER_TOPIC, orderId)).hasSize(1));
        assertThat(scenario.orderStatus(orderId)).isEqualTo(OrderStatusEnum.CREATED.getCode());
        scenario.awaitOrderStatus(orderId, OrderStatusEnum.CANCELED, Suite.PAY_TIMEOUT.plusSeconds(15));
        assertThat(cancelTime(orderId)).isGreaterThanOrEqualTo(order[0].getExpireTime().getTime());
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 1, 0);
    }

    private long cancelTime(String orderId) {
        return Db.epochMillis(scenario.db().row("order_db", "SELECT cancel_time FROM order_info WHERE order_id = ?", orderId).get("cancel_time"));
    }

    static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
