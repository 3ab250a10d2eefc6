package com.eshop.systemtest.forward;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.systemtest.support.Broker;
import com.eshop.stack.Db;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** OrderApi.createOrder: one Seata global transaction over order, market and inventory (section 5 (1), section 9). */
class CreateOrderIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void createOrderWritesTheOrderLocksCouponAndStockAndSchedulesThePayTimeoutMessage() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        Scenario.Stock keyboardBefore = scenario.stock("SKU-1001");
        Scenario.Stock cableBefore = scenario.stock("SKU-1003");
        long before = System.currentTimeMillis();

        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1001", 2, "SKU-1003", 1));

        long after = System.currentTimeMillis();
        Map<String, Object> row = scenario.db().row("order_db", "SELECT * FROM order_info WHERE order_id = ?", order.getOrderId());
        assertThat(row.get("order_status")).isEqualTo(10);
        assertThat(row.get("user_id")).isEqualTo(user.userId());
        assertThat(row.get("total_amount")).isEqualTo(2 * 29900 + 1990);
        assertThat(row.get("coupon_amount")).isEqualTo(1000);
        assertThat(row.get("pay_amount")).isEqualTo(2 * 29900 + 1990 - 1000);
        assertThat(order.getPayAmount()).isEqualTo(2 * 29900 + 1990 - 1000);
        long expire = Db.epochMillis(row.get("expire_time"));
        assertThat(expire).isBetween(before + Suite.PAY_TIMEOUT.toMillis() - 1000, after + Suite.PAY_TIMEOUT.toMillis() + 1000);
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_item WHERE order_id = ?", order.getOrderId())).isEqualTo(2);
        assertThat(scenario.db().integer("order_db", "SELECT pay_status FROM order_payment_detail WHERE order_id = ?", order.getOrderId()))
                .isEqualTo(10);

        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, order.getOrderId()));
        assertThat(scenario.stock("SKU-1001")).isEqualTo(new Scenario.Stock(keyboardBefore.available() - 2, keyboardBefore.locked() + 2, keyboardBefore.sold()));
        assertThat(scenario.stock("SKU-1003")).isEqualTo(new Scenario.Stock(cableBefore.available() - 1, cableBefore.locked() + 1, cableBefore.sold()));
        assertThat(scenario.stockLogs(order.getOrderId(), 10)).isEqualTo(2);

        List<MessageExt> timers = Suite.broker().messages(Broker.TIMER_TOPIC, order.getOrderId());
        assertThat(timers).as("pay-timeout timer message waiting in the broker").hasSize(1);
        assertThat(timers.get(0).getProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo(RocketMqConstant.PAY_ORDER_TIMEOUT_DELAY_TOPIC);
        assertThat(Long.parseLong(timers.get(0).getProperty(MessageConst.PROPERTY_TIMER_DELIVER_MS))).isEqualTo(expire);
    }

    @Test
    void insufficientStockAfterTheCouponWasLockedRollsTheWholeGlobalTransactionBack() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        Scenario.Stock limitedBefore = scenario.stock("SKU-LIMITED");
        Scenario.Stock mouseBefore = scenario.stock("SKU-1002");
        long ordersBefore = scenario.db().count("order_db", "SELECT COUNT(*) FROM order_info WHERE user_id = ?", user.userId());

        JsonResult<CreateOrderDTO> result = scenario.tryCreateOrder(user.userId(), user.couponId(),
                items("SKU-1002", 1, "SKU-LIMITED", limitedBefore.available() + 1));

        assertThat(result.isOk()).isFalse();
        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.PRODUCT_STOCK_INSUFFICIENT.name());
        // market's branch (coupon lock) and order's branch (order row) had committed locally: Seata undid both
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(0, null));
        assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_info WHERE user_id = ?", user.userId())).isEqualTo(ordersBefore);
        assertThat(scenario.stock("SKU-1002")).isEqualTo(mouseBefore);
        assertThat(scenario.stock("SKU-LIMITED")).isEqualTo(limitedBefore);
    }

    @Test
    void aCouponHeldByAnotherOrderIsRefusedAndNothingChanges() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO first = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1005", 1));
        Scenario.Stock standBefore = scenario.stock("SKU-1005");

        JsonResult<CreateOrderDTO> second = scenario.tryCreateOrder(user.userId(), user.couponId(), items("SKU-1005", 1));

        assertThat(second.getErrorCode()).isEqualTo(ErrorCode.COUPON_UNUSABLE.name());
        assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, first.getOrderId()));
        assertThat(scenario.stock("SKU-1005")).isEqualTo(standBefore);
    }
}
