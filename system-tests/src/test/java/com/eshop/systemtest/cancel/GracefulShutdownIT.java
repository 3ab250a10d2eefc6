package com.eshop.systemtest.cancel;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.RuntimeConfig;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service is stopped the way an orchestrator stops it (SIGTERM) while cancels are in flight: the calls it
 * accepted finish, its consumers finish the messages they took, and it exits by itself before the stop timeout. After
 * the restart every order is either cancelled completely or untouched and still cancellable: nothing is left half done.
 */
class GracefulShutdownIT {
    private static final String SKU = "SKU-1020";

    private final Scenario scenario = Suite.scenario();

    private record Placed(CreateOrderDTO order, TestData.UserCoupon user, boolean paid) {
    }

    @Test
    void stoppingOrderServiceWhileCancelsAreInFlightLeavesEveryOrderCancelledOrUntouched() throws Exception {
        List<Placed> orders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            TestData.UserCoupon user = TestData.nextUserWithCoupon();
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items(SKU, 1));
            boolean paid = i % 2 == 0;
            if (paid) {
                scenario.pay(order, user.userId());
                scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
            }
            orders.add(new Placed(order, user, paid));
        }
        // every cancel of the burst admitted, so that all of them are in flight when the service stops: the adaptive
        // limit would refuse some at once (FLOW_LIMITED, nothing changed; FlowControlAndCircuitBreakerIT covers that),
        // and their retries after the restart would race the unpaid orders' pay timeout. The restart drops this setting.
        RuntimeConfig.set(ServiceSpec.ORDER, "eshop.sentinel.flow[AfterSaleApi.cancelOrder].min-concurrent-calls",
                Integer.toString(orders.size()));
        long logBefore = Files.size(Suite.stack().serviceLog(ServiceSpec.ORDER));
        String shutdownLog;

        List<Future<JsonResult<Boolean>>> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(orders.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (Placed placed : orders) {
                answers.add(callers.submit(() -> {
                    go.await();
                    return scenario.cancel(placed.order().getOrderId(), placed.user().userId());
                }));
            }
            go.countDown();
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> orders.stream().anyMatch(p -> isCancelled(p.order().getOrderId())));
            Suite.stack().stopService(ServiceSpec.ORDER);
            shutdownLog = Files.readString(Suite.stack().serviceLog(ServiceSpec.ORDER)).substring((int) logBefore);
        } finally {
            callers.shutdown();
            assertThat(callers.awaitTermination(60, TimeUnit.SECONDS)).as("every cancel call returned").isTrue();
            Suite.stack().startService(ServiceSpec.ORDER);
            awaitReachable();
        }

        assertThat(shutdownLog).as("order-service finished its shutdown itself (not killed at the stop timeout)")
                .contains("Graceful shutdown complete");
        for (int i = 0; i < orders.size(); i++) {
            Placed placed = orders.get(i);
            String orderId = placed.order().getOrderId();
            JsonResult<Boolean> answer = answered(answers.get(i));
            if (answer == null || !answer.isOk()) {
                assertThat(scenario.orderStatus(orderId)).as("order %s after a failed cancel", orderId)
                        .isIn(OrderStatusEnum.CANCELED.getCode(), OrderStatusEnum.CREATED.getCode(), OrderStatusEnum.FULFILL.getCode());
                scenario.cancelUntilAccepted(orderId, placed.user().userId(), Duration.ofSeconds(60));
            }
            Outcomes.assertFullyCancelled(scenario, orderId, placed.user().couponId(), 0,
                    placed.paid() ? placed.order().getPayAmount() : 0);
        }
    }

    private boolean isCancelled(String orderId) {
        return Integer.valueOf(OrderStatusEnum.CANCELED.getCode()).equals(scenario.orderStatus(orderId));
    }


    private static JsonResult<Boolean> answered(Future<JsonResult<Boolean>> answer) throws InterruptedException {
        try {
            return answer.get();
        } catch (ExecutionException connectionLostWithTheProvider) {
            return null;
        }
    }

    private void awaitReachable() {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> scenario.client().orderApi.getOrderDetail("O-PROBE", "U-PROBE") != null);
    }
}
