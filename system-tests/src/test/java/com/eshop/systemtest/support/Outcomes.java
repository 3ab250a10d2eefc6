package com.eshop.systemtest.support;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import org.awaitility.Awaitility;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The end states of the cancellation chain, asserted across every database involved. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * A cancelled order: CANCELED with its cancel type; no fulfill, delivery or logistic order; every stock row of
     * the order released once; the coupon free again; refunded in full exactly once if it was paid, never if not
     * (through an after-sale when it was paid before the cancel, directly when the payment came after it).
     */
    public static void assertFullyCancelled(Scenario scenario, String orderId, String couponId, int cancelType, long paidAmount) {
        boolean paidBeforeCancel = Integer.valueOf(20).equals(
                scenario.db().integer("order_db", "SELECT pay_status FROM order_payment_detail WHERE order_id = ?", orderId));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(scenario.orderStatus(orderId)).isEqualTo(OrderStatusEnum.CANCELED.getCode());
            assertThat(scenario.stockLogs(orderId, 10)).as("stock rows still locked").isZero();
            if (couponId != null) {
                assertThat(scenario.coupon(couponId).orderId()).as("coupon holder").isNotEqualTo(orderId);
            }
            if (paidBeforeCancel) {
                assertThat(scenario.afterSaleStatus(orderId)).as("after-sale status").isEqualTo(50);
            }
            assertThat(scenario.refundedAmount(orderId)).as("refunded").isEqualTo(paidAmount);
        });
        assertThat(scenario.db().integer("order_db", "SELECT cancel_type FROM order_info WHERE order_id = ?", orderId)).isEqualTo(cancelType);
        assertThat(scenario.fulfillOrders(orderId)).isZero();
        assertThat(scenario.deliveryOrders(orderId)).isZero();
        assertThat(scenario.logisticOrders(orderId)).isZero();
        assertThat(scenario.stockLogs(orderId, 30)).as("stock rows sold").isZero();
        assertThat(scenario.afterSales(orderId)).isEqualTo(paidBeforeCancel ? 1 : 0);
        assertThat(scenario.refundCount(orderId)).isEqualTo(paidAmount > 0 ? 1 : 0);
        assertThat(Suite.broker().messages(RocketMqConstant.RELEASE_ASSETS_TOPIC, orderId)).as("RELEASE_ASSETS delivered").hasSize(1);
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_operate_log WHERE order_id = ? AND current_status = 70", orderId))
                .as("cancel operate logs").isEqualTo(1);
    }
}
