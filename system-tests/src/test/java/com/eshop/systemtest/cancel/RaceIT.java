package com.eshop.systemtest.cancel;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import com.eshop.systemtest.support.XxlJobTrigger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.eshop.systemtest.support.Scenario.WECHAT;
import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrency on one order: exactly one outcome, every asset released once, never a mix. */
class RaceIT {
    private static final int ROUNDS = 8;
    private final Scenario scenario = Suite.scenario();

    @Test
    void payCallbackRacingCancelEndsPaidAndFulfilledOrCancelledAndRefundedNeverAMix() throws Exception {
        int paymentWon = 0;
        int cancelWon = 0;
        // the gateway's notification reaches order-service through pay-service, the cancel calls it directly: the
        // cancel is held back from nothing to nearly the payment's own time, a scale of this machine's speed, so both
        // outcomes and the near ties between them occur (with fixed head starts of a few ms the cancel won every round
        // of some runs)
        long paymentMillis = paymentPathMillis();
        for (int round = 0; round < ROUNDS; round++) {
            TestData.UserCoupon user = TestData.nextUserWithCoupon();
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1018", 1));
            assertThat(scenario.prePay(order.getOrderId(), user.userId(), WECHAT, order.getPayAmount()).isOk()).isTrue();

            long cancelDelay = paymentMillis * round / ROUNDS;
            race(() -> scenario.payAtGateway(order.getOrderId(), WECHAT, order.getPayAmount()), () -> {
                Thread.sleep(cancelDelay);
                return scenario.cancel(order.getOrderId(), user.userId());
            });

            String orderId = order.getOrderId();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    scenario.orderStatus(orderId) == OrderStatusEnum.CANCELED.getCode() || scenario.orderStatus(orderId) == OrderStatusEnum.FULFILL.getCode());
            if (scenario.orderStatus(orderId) == OrderStatusEnum.FULFILL.getCode()) {
                // the payment won and the cancel that followed was refused
                paymentWon++;
                assertThat(scenario.refundCount(orderId)).isZero();
                assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, orderId));
                assertThat(scenario.fulfillOrders(orderId) + scenario.deliveryOrders(orderId) + scenario.logisticOrders(orderId)).isEqualTo(3);
                assertThat(new Integer[]{scenario.fulfillStatus(orderId), scenario.deliveryStatus(orderId), scenario.logisticStatus(orderId)})
                        .as("fulfill, delivery, logistic statuses: live, none intercepted").containsExactly(10, 10, 10);
                assertThat(scenario.stockLogs(orderId, 10)).isEqualTo(1);
            } else {
                // paid first then cancelled: the cancel refunds it through an after-sale; cancelled first: the late
                // payment is refunded directly, without one
                Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
                if (scenario.afterSales(orderId) == 1) {
                    paymentWon++;
                } else {
                    cancelWon++;
                }
            }
        }
        System.out.printf("pay vs cancel (payment path %d ms): the payment won %d, the cancel won %d of %d rounds%n", paymentMillis,
                paymentWon, cancelWon, ROUNDS);
        // the cancel's delays span the payment's time: each side must have won at least once, or the race was never run
        assertThat(paymentWon).as("rounds the payment won").isPositive();
        assertThat(cancelWon).as("rounds the cancel won").isPositive();
    }

    @Test
    void timeoutMessageScanAndManualCancelOnOneOrderCancelItExactlyOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            TestData.UserCoupon user = TestData.nextUserWithCoupon();
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1019", 1));
            TimeoutCancelIT.sleepUntil(order.getExpireTime().getTime());

            race(() -> XxlJobTrigger.run(Suite.stack(), 0, 1), () -> scenario.cancel(order.getOrderId(), user.userId()),
                    () -> XxlJobTrigger.run(Suite.stack(), 0, 1));

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> scenario.orderStatus(order.getOrderId()) == OrderStatusEnum.CANCELED.getCode());
            int cancelType = scenario.db().integer("order_db", "SELECT cancel_type FROM order_info WHERE order_id = ?", order.getOrderId());
            Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), cancelType, 0);
            assertThat(scenario.stockLogs(order.getOrderId(), 20)).as("released once").isEqualTo(1);
        }
    }

    @Test
    void outStockRacingCancelNeverLeavesACancelledOrderOutOfStock() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            TestData.UserCoupon user = TestData.nextUserWithCoupon();
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1020", 1));
            scenario.pay(order, user.userId());
            scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
            String orderId = order.getOrderId();

            race(() -> scenario.client().wmsApi.outStock(orderId), () -> scenario.cancel(orderId, user.userId()));

            int status = scenario.orderStatus(orderId);
            if (status == OrderStatusEnum.OUT_STOCK.getCode()) {
                assertThat(scenario.db().integer("wms_db", "SELECT status FROM delivery_order WHERE order_id = ?", orderId)).isEqualTo(20);
                assertThat(scenario.stockLogs(orderId, 30)).isEqualTo(1);
                assertThat(scenario.refundCount(orderId)).isZero();
                assertThat(scenario.coupon(user.couponId())).isEqualTo(new Scenario.Coupon(1, orderId));
            } else {
                // a failed attempt may have lost a lock race: the order is either still FULFILL (then retry the cancel) or CANCELED
                if (status == OrderStatusEnum.FULFILL.getCode()) {
                    assertThat(scenario.cancel(orderId, user.userId()).isOk()).isTrue();
                }
                Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
            }
        }
    }

    /** How long a payment at the gateway takes to be answered, paid on orders of its own (the median of three). */
    private long paymentPathMillis() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestData.UserCoupon user = TestData.nextUserWithCoupon();
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1018", 1));
            assertThat(scenario.prePay(order.getOrderId(), user.userId(), WECHAT, order.getPayAmount()).isOk()).isTrue();
            long started = System.nanoTime();
            assertThat(scenario.payAtGateway(order.getOrderId(), WECHAT, order.getPayAmount()).isOk()).isTrue();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        return millis.stream().sorted().toList().get(1);
    }

    @SafeVarargs
    private static void race(Callable<?>... actions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(actions.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (Callable<?> action : actions) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                Object result = future.get();
                if (result instanceof JsonResult<?> json && !json.isOk()) {
                    System.out.printf("race participant refused: %s %s%n", json.getErrorCode(), json.getErrorMessage());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
