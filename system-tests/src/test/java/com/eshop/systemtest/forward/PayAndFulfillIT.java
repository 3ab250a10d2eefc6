package com.eshop.systemtest.forward;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.eshop.systemtest.support.Scenario.WECHAT;
import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Pre-pay, pay callback (sections 10-11), fulfillment through PAID_ORDER_SUCCESS, and out-stock. */
class PayAndFulfillIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void aPaidOrderIsFulfilledAndARepeatedCallbackChangesNothing() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1002", 1));

        PayGatewaySimulator.Delivery paid = scenario.pay(order, user.userId());

        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        String orderId = order.getOrderId();
        assertThat(scenario.fulfillOrders(orderId)).isEqualTo(1);
        assertThat(scenario.db().count("fulfill_db", "SELECT COUNT(*) FROM order_fulfill_item f JOIN order_fulfill o ON o.fulfill_id = f.fulfill_id "
                + "WHERE o.order_id = ?", orderId)).isEqualTo(1);
        assertThat(scenario.deliveryOrders(orderId)).isEqualTo(1);
        assertThat(scenario.logisticOrders(orderId)).isEqualTo(1);
        assertThat(scenario.db().integer("order_db", "SELECT pay_status FROM order_payment_detail WHERE order_id = ?", orderId)).isEqualTo(20);
        assertThat(Suite.broker().messages(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC, orderId)).hasSize(1);

        JsonResult<Boolean> repeated = scenario.gateway().redeliver(paid.notificationId()).result();

        assertThat(repeated.isOk()).isTrue();
        assertThat(scenario.orderStatus(orderId)).isEqualTo(OrderStatusEnum.FULFILL.getCode());
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_payment_record WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(scenario.refundCount(orderId)).isZero();
        assertThat(Suite.broker().messages(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC, orderId)).hasSize(1);
        assertThat(scenario.fulfillOrders(orderId)).isEqualTo(1);
    }

    @Test
    void aNotificationOfAWrongAmountIsRefusedAndChangesNothing() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), null, items("SKU-1003", 2));
        assertThat(scenario.prePay(order.getOrderId(), user.userId(), WECHAT, order.getPayAmount()).isOk()).isTrue();

        JsonResult<Boolean> result = scenario.payAtGateway(order.getOrderId(), WECHAT, order.getPayAmount() - 1);

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.PAY_NOTIFICATION_MISMATCH.name());
        assertThat(scenario.db().count("pay_db", "SELECT COUNT(*) FROM pay_capture WHERE order_id = ?", order.getOrderId())).isZero();
        assertThat(scenario.orderStatus(order.getOrderId())).isEqualTo(OrderStatusEnum.CREATED.getCode());
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_payment_record WHERE order_id = ?", order.getOrderId())).isZero();
        assertThat(scenario.refundCount(order.getOrderId())).isZero();
    }

    @Test
    void outStockMovesTheOrderToOutStockAndTheLockedStockToSold() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), null, items("SKU-1004", 1));
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        Scenario.Stock before = scenario.stock("SKU-1004");

        JsonResult<Boolean> outStock = scenario.client().wmsApi.outStock(order.getOrderId());

        assertThat(outStock.isOk()).as("outStock: %s %s", outStock.getErrorCode(), outStock.getErrorMessage()).isTrue();
        assertThat(scenario.orderStatus(order.getOrderId())).isEqualTo(OrderStatusEnum.OUT_STOCK.getCode());
        assertThat(scenario.db().integer("wms_db", "SELECT status FROM delivery_order WHERE order_id = ?", order.getOrderId())).isEqualTo(20);
        assertThat(scenario.stock("SKU-1004")).isEqualTo(new Scenario.Stock(before.available(), before.locked() - 1, before.sold() + 1));
        assertThat(scenario.stockLogs(order.getOrderId(), 30)).isEqualTo(1);
    }
}
