package com.eshop.systemtest.cancel;

import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.mq.ActualRefundMessage;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.StateFingerprint;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.TestProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Section 18: every consumer is idempotent; a message delivered twice changes stock, coupon and money once. */
class RedeliveryIT {
    private static final List<String> CONSUMING_SERVICES = List.of(ServiceSpec.ORDER, ServiceSpec.INVENTORY, ServiceSpec.MARKET);
    private final Scenario scenario = Suite.scenario();

    @Test
    void everyMessageOfThePaidCancelChainConsumedTwiceReleasesAndRefundsOnce() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        Scenario.Stock before = scenario.stock("SKU-1006");
        CONSUMING_SERVICES.forEach(s -> Faults.set(s, FaultPoints.MQ_DUPLICATE_DELIVERY, 1.0));
        try {
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1006", 2));
            scenario.pay(order, user.userId());
            scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
            assertThat(scenario.cancel(order.getOrderId(), user.userId()).isOk()).isTrue();

            Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 0, order.getPayAmount());
            Suite.awaitSettled();
            assertThat(scenario.stock("SKU-1006")).isEqualTo(before);
            assertThat(scenario.refundedAmount(order.getOrderId())).isEqualTo((long) order.getPayAmount());
        } finally {
            CONSUMING_SERVICES.forEach(s -> Faults.set(s, FaultPoints.MQ_DUPLICATE_DELIVERY, 0));
        }
    }

    @Test
    void lateReleaseAndRefundMessagesForACancelledOrderChangeNothing() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO first = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1007", 1));
        scenario.pay(first, user.userId());
        scenario.awaitOrderStatus(first.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        assertThat(scenario.cancel(first.getOrderId(), user.userId()).isOk()).isTrue();
        Outcomes.assertFullyCancelled(scenario, first.getOrderId(), user.couponId(), 0, first.getPayAmount());
        // the freed coupon now belongs to a second, live order of the same user
        CreateOrderDTO second = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1007", 1));
        scenario.pay(second, user.userId());
        scenario.awaitOrderStatus(second.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        Suite.awaitSettled();
        Map<String, String> before = StateFingerprint.of(scenario.db());

        ReleaseUserCouponRequest couponRelease = new ReleaseUserCouponRequest();
        couponRelease.setUserId(user.userId());
        couponRelease.setCouponId(user.couponId());
        couponRelease.setOrderId(first.getOrderId());
        TestProducer.send(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC, first.getOrderId(), couponRelease);
        CancelOrderReleaseProductStockRequest stockRelease = new CancelOrderReleaseProductStockRequest();
        stockRelease.setOrderId(first.getOrderId());
        StockItemRequest item = new StockItemRequest();
        item.setSkuCode("SKU-1007");
        item.setSaleQuantity(1);
        stockRelease.setOrderItemRequestList(List.of(item));
        TestProducer.send(RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC, first.getOrderId(), stockRelease);
        ActualRefundMessage refund = new ActualRefundMessage();
        refund.setOrderId(first.getOrderId());
        refund.setAfterSaleId("AS" + first.getOrderId());
        refund.setLastReturnGoods(true);
        TestProducer.send(RocketMqConstant.ACTUAL_REFUND_TOPIC, "AS" + first.getOrderId(), refund);

        Suite.awaitSettled();
        assertThat(StateFingerprint.of(scenario.db())).isEqualTo(before);
        assertThat(scenario.coupon(user.couponId())).as("defect 8: the late release must not free the second order's coupon")
                .isEqualTo(new Scenario.Coupon(1, second.getOrderId()));
        assertThat(scenario.refundCount(first.getOrderId())).as("defect 9: no second refund").isEqualTo(1);
        assertThat(scenario.stockLogs(second.getOrderId(), 10)).isEqualTo(1);
    }
}
