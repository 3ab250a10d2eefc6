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
     * A cancelled order: CANCELED with its cancel type; its fulfill, delivery and logistic orders intercepted (kept,
     * with status CANCELLED 90): exactly one of each when it was cancelled once fulfilled, none when it was cancelled
     * before fulfillment; every stock row of the order released once; the coupon free again; refunded in full exactly
     * once if it was paid, never if not (through an after-sale when it was paid before the cancel, directly when the
     * payment came after it).
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
                assertThat(scenario.afterSaleStatus(orderId)).as("after-sale REFUNDED (the gateway notified the refund)").isEqualTo(60);
            }
            assertThat(scenario.refundedAmount(orderId)).as("refunded").isEqualTo(paidAmount);
        });
        assertThat(scenario.db().integer("order_db", "SELECT cancel_type FROM order_info WHERE order_id = ?", orderId)).isEqualTo(cancelType);
        // interception cancels the fulfillment rows by status (kept, so they keep their Seata global locks) and never
        // deletes them: fulfilled before the cancel, one CANCELLED row each; not fulfilled, none
        boolean fulfilledBeforeCancel = scenario.db().count("order_db", "SELECT COUNT(*) FROM order_operate_log "
                + "WHERE order_id = ? AND current_status = 70 AND pre_status = 30", orderId) > 0;
        long rows = fulfilledBeforeCancel ? 1 : 0;
        assertThat(scenario.fulfillOrders(orderId)).as("fulfill orders").isEqualTo(rows);
        assertThat(scenario.deliveryOrders(orderId)).as("delivery orders").isEqualTo(rows);
        assertThat(scenario.logisticOrders(orderId)).as("logistic orders").isEqualTo(rows);
        if (fulfilledBeforeCancel) {
            assertThat(scenario.fulfillStatus(orderId)).as("fulfill order CANCELLED").isEqualTo(90);
            assertThat(scenario.deliveryStatus(orderId)).as("delivery order CANCELLED").isEqualTo(90);
            assertThat(scenario.logisticStatus(orderId)).as("logistic order CANCELLED").isEqualTo(90);
        }
        assertThat(scenario.stockLogs(orderId, 30)).as("stock rows sold").isZero();
        assertThat(scenario.afterSales(orderId)).isEqualTo(paidBeforeCancel ? 1 : 0);
        assertThat(scenario.refundCount(orderId)).isEqualTo(paidAmount > 0 ? 1 : 0);
        assertThat(Suite.broker().messages(RocketMqConstant.RELEASE_ASSETS_TOPIC, orderId)).as("RELEASE_ASSETS delivered").hasSize(1);
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_operate_log WHERE order_id = ? AND current_status = 70", orderId))
                .as("cancel operate logs").isEqualTo(1);
    }
}
