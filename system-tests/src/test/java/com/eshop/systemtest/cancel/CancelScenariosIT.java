package com.eshop.systemtest.cancel;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.AfterSaleDTO;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.StateFingerprint;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Section 7's three scenarios through AfterSaleApi.cancelOrder (manual cancel). */
class CancelScenariosIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void scenarioOneUnpaidOrderCancelledByTheUserReleasesCouponAndStockWithoutRefund() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        Scenario.Stock before = scenario.stock("SKU-1006");
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1006", 3));

        JsonResult<Boolean> result = scenario.cancel(order.getOrderId(), user.userId());

        assertThat(result.isOk()).as("%s %s", result.getErrorCode(), result.getErrorMessage()).isTrue();
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, 0);
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(0, null));
        assertThat(scenario.stock("SKU-1006")).isEqualTo(before);
        assertThat(scenario.stockLogs(order.getOrderId(), 20)).isEqualTo(1);
    }

    @Test
    void scenarioTwoPaidOrderCancelledBeforeShippingInterceptsFulfillmentReleasesEverythingAndRefunds() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        Scenario.Stock before = scenario.stock("SKU-1007");
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1007", 2));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        assertThat(scenario.fulfillOrders(order.getOrderId()) + scenario.deliveryOrders(order.getOrderId())
                + scenario.logisticOrders(order.getOrderId())).isEqualTo(3);

        JsonResult<Boolean> result = scenario.cancel(order.getOrderId(), user.userId());

        assertThat(result.isOk()).as("%s %s", result.getErrorCode(), result.getErrorMessage()).isTrue();
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(0, null));
        assertThat(scenario.stock("SKU-1007")).isEqualTo(before);
        List<AfterSaleDTO> afterSales = scenario.client().afterSaleApi.listAfterSales(order.getOrderId(), user.userId()).getData();
        assertThat(afterSales).singleElement().satisfies(afterSale -> {
            assertThat(afterSale.getRealRefundAmount()).isEqualTo(order.getPayAmount());
            assertThat(afterSale.getRefundStatus()).isEqualTo(20);
        });
        assertThat(scenario.db().count("order_db", "SELECT COALESCE(SUM(real_refund_amount), 0) FROM after_sale_item WHERE order_id = ?",
                order.getOrderId())).isEqualTo((long) order.getPayAmount());
        assertThat(Suite.broker().messages(RocketMqConstant.ACTUAL_REFUND_TOPIC, "AS" + order.getOrderId())).hasSize(1);
    }

    @Test
    void scenarioThreeAnOrderThatLeftTheWarehouseCannotBeCancelledAndNothingChanges() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1008", 1));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        assertThat(scenario.client().wmsApi.outStock(order.getOrderId()).isOk()).isTrue();
        Map<String, Object> orderRow = orderRow(order.getOrderId());
        Scenario.Stock stock = scenario.stock("SKU-1008");

        JsonResult<Boolean> result = scenario.cancel(order.getOrderId(), user.userId());

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.CURRENT_ORDER_STATUS_CANNOT_CANCEL.name());
        assertThat(orderRow(order.getOrderId())).isEqualTo(orderRow);
        assertThat(scenario.stock("SKU-1008")).isEqualTo(stock);
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, order.getOrderId()));
        assertThat(scenario.fulfillOrders(order.getOrderId()) + scenario.deliveryOrders(order.getOrderId())
                + scenario.logisticOrders(order.getOrderId())).isEqualTo(3);
        assertThat(scenario.refundCount(order.getOrderId())).isZero();
        assertThat(Suite.broker().messages(RocketMqConstant.RELEASE_ASSETS_TOPIC, order.getOrderId())).isEmpty();
    }

    @Test
    void cancellingACancelledOrderAgainIsAnIdempotentSuccessThatChangesNothing() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1009", 1));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        assertThat(scenario.cancel(order.getOrderId(), user.userId()).isOk()).isTrue();
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
        Suite.awaitSettled();
        Map<String, String> before = StateFingerprint.of(scenario.db());

        JsonResult<Boolean> again = scenario.cancel(order.getOrderId(), user.userId());

        assertThat(again.isOk()).as("defect 10: a repeat cancel is a success, %s", again.getErrorCode()).isTrue();
        Suite.awaitSettled();
        assertThat(StateFingerprint.of(scenario.db())).isEqualTo(before);
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
    }

    @Test
    void anotherUsersOrderCannotBeCancelled() {
        TestData.UserCoupon owner = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(owner.userId(), owner.couponId(), items("SKU-1010", 1));

        JsonResult<Boolean> result = scenario.cancel(order.getOrderId(), "U-SOMEONE-ELSE");

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.ORDER_NOT_OWNED.name());
        assertThat(scenario.orderStatus(order.getOrderId())).isEqualTo(OrderStatusEnum.CREATED.getCode());
        assertThat(scenario.coupon(owner.couponId())).isEqualTo(new Scenario.Coupon(1, order.getOrderId()));
        assertThat(scenario.cancel(order.getOrderId(), owner.userId()).isOk()).isTrue();
    }

    private Map<String, Object> orderRow(String orderId) {
        return scenario.db().row("order_db", "SELECT order_status, cancel_type, cancel_time, pay_amount FROM order_info WHERE order_id = ?", orderId);
    }
}
