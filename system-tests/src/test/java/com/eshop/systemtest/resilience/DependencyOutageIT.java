package com.eshop.systemtest.resilience;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancels of paid orders while a dependency of the cancel is away: Redis or MariaDB frozen (SIGSTOP: connections open,
 * nothing answered) or fulfill-service killed. Every call is answered by the service itself, with OK or a retryable
 * code (DEPENDENCY_UNAVAILABLE, LOCK_BUSY, ...), never SYSTEM_ERROR and never with the caller's own timeout; once the
 * dependency is back, the client's retry is accepted and every order ends fully cancelled and refunded.
 */
class DependencyOutageIT {
    private static final String SKU = "SKU-1013";
    private static final int CANCELS = 4;

    private final Scenario scenario = Suite.scenario();

    @Test
    void cancelsWhileRedisIsFrozenAnswerRetryableCodesAndAreAcceptedOnRetryAfterwards() throws Exception {
        cancelDuring("redis frozen", () -> Suite.stack().freezeServer("redis"), () -> Suite.stack().thawServer("redis"),
                Duration.ofSeconds(10));
    }

    @Test
    void cancelsWhileMariaDbIsFrozenAnswerRetryableCodesAndAreAcceptedOnRetryAfterwards() throws Exception {
        // longer than the services' JDBC socket timeout, so that the calls in flight meet it
        cancelDuring("mariadb frozen", () -> Suite.stack().freezeServer("mariadb"), () -> Suite.stack().thawServer("mariadb"),
                Duration.ofSeconds(16));
    }

    @Test
    void cancelsWhileFulfillServiceIsDownAnswerRetryableCodesAndAreAcceptedOnRetryAfterwards() throws Exception {
        cancelDuring("fulfill-service killed", () -> Suite.stack().killService(ServiceSpec.FULFILL),
                () -> Suite.stack().startService(ServiceSpec.FULFILL), Duration.ofSeconds(5));
    }

    private void cancelDuring(String outage, Runnable begin, Runnable end, Duration outageLength) throws Exception {
        List<Placed> orders = new ArrayList<>();
        for (int i = 0; i < CANCELS; i++) {
            TestData.UserCoupon user = TestData.nextUserWithCoupon();
            CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items(SKU, 1));
            scenario.pay(order, user.userId());
            scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
            orders.add(new Placed(order, user));
        }

        List<Future<Answer>> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(CANCELS);
        begin.run();
        long outageStarted = System.nanoTime();
        try {
            for (Placed placed : orders) {
                answers.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    JsonResult<Boolean> result = scenario.cancel(placed.order().getOrderId(), placed.user().userId());
                    return new Answer(result, (System.nanoTime() - started) / 1_000_000);
                }));
            }
            long left = outageLength.toNanos() - (System.nanoTime() - outageStarted);
            if (left > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        } finally {
            end.run();
            callers.shutdown();
        }

        for (int i = 0; i < orders.size(); i++) {
            Placed placed = orders.get(i);
            String orderId = placed.order().getOrderId();
            Answer answer = answers.get(i).get(60, TimeUnit.SECONDS);
            System.out.printf("%s: cancel of %s answered %s in %d ms%n", outage, orderId,
                    answer.result().isOk() ? "OK" : answer.result().getErrorCode(), answer.millis());
            if (!answer.result().isOk()) {
                assertThat(ErrorCode.isRetryable(answer.result().getErrorCode()))
                        .as("%s: the cancel of %s answered %s (%s): a client must be told to retry", outage, orderId,
                                answer.result().getErrorCode(), answer.result().getErrorMessage())
                        .isTrue();
                scenario.cancelUntilAccepted(orderId, placed.user().userId(), Duration.ofSeconds(90));
            }
            Outcomes.assertFullyCancelled(scenario, orderId, placed.user().couponId(), 0, placed.order().getPayAmount());
        }
    }


    private record Placed(CreateOrderDTO order, TestData.UserCoupon user) {
    }

    private record Answer(JsonResult<Boolean> result, long millis) {
    }
}
