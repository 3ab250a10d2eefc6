package com.eshop.systemtest.cancel;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.RedisLockKeyConstants;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.order.PrePayOrderDTO;
import com.eshop.stack.PayGatewaySimulator;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.ALIPAY;
import static com.eshop.systemtest.support.Scenario.WECHAT;
import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Sections 3, 10 and 11: the scenario table of a pay callback against a cancelled or paid order, and pre-pay vs cancel. */
class PayCallbackVersusCancelIT {
    private final Scenario scenario = Suite.scenario();

    @Test
    void aPaymentArrivingAfterCancellationIsRefundedExactlyOnceHoweverOftenTheGatewayRetries() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1015", 4));
        assertThat(scenario.prePay(order.getOrderId(), user.userId(), WECHAT, order.getPayAmount()).isOk()).isTrue();
        assertThat(scenario.cancel(order.getOrderId(), user.userId()).isOk()).isTrue();
        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, 0);

        PayGatewaySimulator.Delivery paid = scenario.payAtGatewayDelivery(order.getOrderId(), WECHAT, order.getPayAmount());
        List<PayGatewaySimulator.Delivery> deliveries = List.of(paid, scenario.gateway().redeliver(paid.notificationId()),
                scenario.gateway().redeliver(paid.notificationId()));
        for (PayGatewaySimulator.Delivery delivery : deliveries) {
            assertThat(delivery.status()).as("settled: the gateway stops re-delivering").isEqualTo(200);
            assertThat(delivery.result().getErrorCode()).isEqualTo(ErrorCode.ORDER_CANCEL_PAY_CALLBACK_REFUNDED.name());
        }

        assertThat(scenario.orderStatus(order.getOrderId())).isEqualTo(OrderStatusEnum.CANCELED.getCode());
        assertThat(scenario.refundCount(order.getOrderId())).as("defect 9: one refund per payment").isEqualTo(1);
        assertThat(scenario.refundedAmount(order.getOrderId())).isEqualTo((long) order.getPayAmount());
        assertThat(scenario.db().integer("order_db", "SELECT status FROM order_payment_record WHERE order_id = ?", order.getOrderId()))
                .isEqualTo(30);
        assertThat(scenario.fulfillOrders(order.getOrderId())).isZero();
    }

    @Test
    void theSamePayTypeReportedTwiceIsANoOpAndASecondPayTypeIsRefunded() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), null, items("SKU-1016", 1));
        // the customer opens both cashier pages, then pays on both
        assertThat(scenario.prePay(order.getOrderId(), user.userId(), ALIPAY, order.getPayAmount()).isOk()).isTrue();
        PayGatewaySimulator.Delivery weChat = scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));

        assertThat(scenario.gateway().redeliver(weChat.notificationId()).result().isOk()).isTrue();
        PayGatewaySimulator.Delivery secondType = scenario.payAtGatewayDelivery(order.getOrderId(), ALIPAY, order.getPayAmount());
        JsonResult<Boolean> secondTypeAgain = scenario.gateway().redeliver(secondType.notificationId()).result();

        assertThat(secondType.result().getErrorCode()).isEqualTo(ErrorCode.ORDER_PAY_TYPE_REPEAT_REFUNDED.name());
        assertThat(secondTypeAgain.getErrorCode()).isEqualTo(ErrorCode.ORDER_PAY_TYPE_REPEAT_REFUNDED.name());
        assertThat(scenario.orderStatus(order.getOrderId())).isEqualTo(OrderStatusEnum.FULFILL.getCode());
        assertThat(scenario.refundCount(order.getOrderId())).isEqualTo(1);
        assertThat(scenario.refundedAmount(order.getOrderId())).isEqualTo((long) order.getPayAmount());
        assertThat(scenario.db().rows("pay_db", "SELECT out_trade_no FROM pay_refund WHERE order_id = ?", order.getOrderId()))
                .as("the refund draws on the second payment's own capture")
                .containsExactly(Map.of("out_trade_no", scenario.tradeNumber(order.getOrderId(), ALIPAY)));
        assertThat(scenario.db().integer("order_db", "SELECT pay_type FROM order_payment_detail WHERE order_id = ?", order.getOrderId()))
                .isEqualTo(WECHAT);
        assertThat(scenario.fulfillOrders(order.getOrderId())).isEqualTo(1);
    }

    @Test
    void prePayRefusesACancelledOrderAndAnOrderBeingCancelled() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO cancelled = scenario.createOrder(user.userId(), null, items("SKU-1017", 1));
        assertThat(scenario.cancel(cancelled.getOrderId(), user.userId()).isOk()).isTrue();

        JsonResult<PrePayOrderDTO> afterCancel = scenario.prePay(cancelled.getOrderId(), user.userId(), WECHAT, cancelled.getPayAmount());

        assertThat(afterCancel.getErrorCode()).isEqualTo(ErrorCode.ORDER_STATUS_NOT_PAYABLE.name());

        CreateOrderDTO beingCancelled = scenario.createOrder(user.userId(), null, items("SKU-1017", 1));
        Config config = new Config();
        config.useSingleServer().setAddress(Suite.stack().redisAddress());
        RedissonClient redisson = Redisson.create(config);
        try {
            RLock cancelLock = redisson.getLock(RedisLockKeyConstants.CANCEL_KEY + beingCancelled.getOrderId());
            cancelLock.lock();
            try {
                JsonResult<PrePayOrderDTO> duringCancel = scenario.prePay(beingCancelled.getOrderId(), user.userId(), WECHAT,
                        beingCancelled.getPayAmount());
                assertThat(duringCancel.getErrorCode()).as("defect 12").isEqualTo(ErrorCode.ORDER_BEING_CANCELLED.name());
            } finally {
                cancelLock.unlock();
            }
        } finally {
            redisson.shutdown();
        }
        assertThat(scenario.db().integer("pay_db", "SELECT COUNT(*) FROM pay_transaction WHERE order_id IN (?, ?)",
                cancelled.getOrderId(), beingCancelled.getOrderId())).isZero();
        assertThat(scenario.cancel(beingCancelled.getOrderId(), user.userId()).isOk()).isTrue();
    }
}
