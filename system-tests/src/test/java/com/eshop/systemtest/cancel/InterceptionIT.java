package com.eshop.systemtest.cancel;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections 12-14: the fulfillment interception is synchronous and rigid. A refusal or failure anywhere rolls the
 * whole Seata global transaction back and RELEASE_ASSETS is never delivered (defect 11).
 */
class InterceptionIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void theWarehouseRefusesOnceGoodsLeftAndTheWholeCancelRollsBack() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1001");
        String orderId = order.getOrderId();
        // the warehouse shipped; its notification has not reached order-service yet
        scenario.db().update("wms_db", "UPDATE delivery_order SET status = 20 WHERE order_id = ?", orderId);
        Map<String, Object> fulfillment = fulfillment(orderId);
        assertThat(fulfillment).containsEntry("fulfillStatus", 10).containsEntry("deliveryStatus", 20).containsEntry("logisticStatus", 10);

        JsonResult<Boolean> result = scenario.cancel(orderId, user.userId());

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.DELIVERY_ORDER_ALREADY_OUT_STOCK.name());
        assertNothingChanged(order, user);
        assertThat(fulfillment(orderId)).isEqualTo(fulfillment);

        scenario.db().update("wms_db", "UPDATE delivery_order SET status = 10 WHERE order_id = ?", orderId);
        assertThat(scenario.cancel(orderId, user.userId()).isOk()).isTrue();
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
    }

    @Test
    void aFailureAfterTheInterceptionDeletedRowsIsUndoneByTheGlobalRollback() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = fulfilledOrder(user, "SKU-1002");
        String orderId = order.getOrderId();
        Map<String, Object> fulfillment = fulfillment(orderId);
        assertThat(fulfillment).containsEntry("fulfillStatus", 10).containsEntry("deliveryStatus", 10).containsEntry("logisticStatus", 10);

        JsonResult<Boolean>[] result = new JsonResult[1];
        Faults.with(ServiceSpec.FULFILL, FaultPoints.FULFILL_INTERCEPTION_FAILURE, 1.0, () -> result[0] = scenario.cancel(orderId, user.userId()));

        assertThat(result[0].isOk()).isFalse();
        assertNothingChanged(order, user);
        assertThat(fulfillment(orderId)).as("fulfill and delivery rows' statuses restored from the undo logs").isEqualTo(fulfillment);

        assertThat(scenario.cancel(orderId, user.userId()).isOk()).isTrue();
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
    }

    private CreateOrderDTO fulfilledOrder(TestData.UserCoupon user, String sku) {
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items(sku, 1));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        return order;
    }

    /** Rows and statuses: interception cancels by status, so the counts alone would not show it (null: no row). */
    private Map<String, Object> fulfillment(String orderId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fulfill", scenario.fulfillOrders(orderId));
        m.put("fulfillStatus", scenario.fulfillStatus(orderId));
        m.put("fulfillItems", scenario.db().count("fulfill_db", "SELECT COUNT(*) FROM order_fulfill_item i JOIN order_fulfill f "
                + "ON f.fulfill_id = i.fulfill_id WHERE f.order_id = ?", orderId));
        m.put("delivery", scenario.deliveryOrders(orderId));
        m.put("deliveryStatus", scenario.deliveryStatus(orderId));
        m.put("deliveryItems", scenario.db().count("wms_db", "SELECT COUNT(*) FROM delivery_order_item i JOIN delivery_order d "
                + "ON d.delivery_order_id = i.delivery_order_id WHERE d.order_id = ?", orderId));
        m.put("logistic", scenario.logisticOrders(orderId));
        m.put("logisticStatus", scenario.logisticStatus(orderId));
        return m;
    }

    private void assertNothingChanged(CreateOrderDTO order, TestData.UserCoupon user) {
        String orderId = order.getOrderId();
        assertThat(scenario.orderStatus(orderId)).isEqualTo(OrderStatusEnum.FULFILL.getCode());
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_operate_log WHERE order_id = ? AND current_status = 70", orderId)).isZero();
        assertThat(scenario.stockLogs(orderId, 10)).isEqualTo(1);
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, orderId));
        assertThat(scenario.afterSales(orderId)).isZero();
        assertThat(scenario.refundCount(orderId)).isZero();
        assertThat(Suite.broker().messages(RocketMqConstant.RELEASE_ASSETS_TOPIC, orderId)).as("no RELEASE_ASSETS delivered").isEmpty();
    }
}
