package com.eshop.systemtest.resilience;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.RuntimeConfig;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sentinel in order-service: a public API over its flow limit and a downstream whose circuit breaker is open
 * answer at once with FLOW_LIMITED / DOWNSTREAM_UNAVAILABLE and change nothing. The suite's limits are generous;
 * this test lowers them at run time (as an operator would through Nacos) and restores them afterwards.
 */
class FlowControlAndCircuitBreakerIT {
    private static final String CREATE_ORDER_QPS = "eshop.sentinel.flow[OrderApi.createOrder].max-qps";
    private static final String INTERCEPTION_BREAKER = "eshop.sentinel.circuit-breakers[FulfillApi.cancelFulfill]";
    private static final Duration OPEN_DURATION = Duration.ofSeconds(3);

    private final Scenario scenario = Suite.scenario();

    @AfterEach
    void restoreConfiguration() {
        RuntimeConfig.reset(ServiceSpec.ORDER);
    }

    @Test
    void aBurstFarAboveTheLimitIsRefusedWithFlowLimitedAndTheRefusedCallsChangeNothing() throws Exception {
        RuntimeConfig.set(ServiceSpec.ORDER, CREATE_ORDER_QPS, "2");
        String burst = UUID.randomUUID().toString().substring(0, 8);
        List<String> users = new ArrayList<>();
        List<Future<JsonResult<CreateOrderDTO>>> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            for (int i = 0; i < 40; i++) {
                String userId = "FLOW-" + burst + "-" + i;
                users.add(userId);
                calls.add(callers.submit(() -> scenario.tryCreateOrder(userId, null, items("SKU-1010", 1))));
            }
            int refused = 0;
            for (int i = 0; i < calls.size(); i++) {
                JsonResult<CreateOrderDTO> result = calls.get(i).get();
                String userId = users.get(i);
                if (result.isOk()) {
                    assertThat(scenario.db().row("order_db", "SELECT user_id, order_status FROM order_info WHERE order_id = ?",
                            result.getData().getOrderId())).as("accepted order of %s", userId)
                            .containsEntry("user_id", userId).containsEntry("order_status", OrderStatusEnum.CREATED.getCode());
                } else {
                    refused++;
                    assertThat(result.getErrorCode()).as("refusal of %s: %s", userId, result.getErrorMessage())
                            .isEqualTo(ErrorCode.FLOW_LIMITED.name());
                    assertThat(scenario.db().count("order_db", "SELECT COUNT(*) FROM order_info WHERE user_id = ?", userId))
                            .as("orders of refused %s", userId).isZero();
                }
            }
            assertThat(refused).as("refused calls of the burst").isPositive();
        } finally {
            callers.shutdownNow();
        }

        RuntimeConfig.reset(ServiceSpec.ORDER);
        assertThat(scenario.tryCreateOrder("FLOW-" + burst + "-after", null, items("SKU-1010", 1)).isOk())
                .as("accepted again with the suite's own limits").isTrue();
    }

    @Test
    void aFailingInterceptionOpensTheBreakerWhichRefusesCancelsUnchangedAndClosesAfterTheOpenDuration() {
        RuntimeConfig.set(ServiceSpec.ORDER, INTERCEPTION_BREAKER + ".min-calls", "3");
        RuntimeConfig.set(ServiceSpec.ORDER, INTERCEPTION_BREAKER + ".open-duration", OPEN_DURATION.toSeconds() + "s");
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1011", 1));
        scenario.pay(order, user.userId());
        String orderId = order.getOrderId();
        scenario.awaitOrderStatus(orderId, OrderStatusEnum.FULFILL, Duration.ofSeconds(30));
        Map<String, Object> fulfilled = fulfillmentAndOrder(orderId);

        List<String> answers = new ArrayList<>();
        Faults.with(ServiceSpec.FULFILL, FaultPoints.FULFILL_INTERCEPTION_FAILURE, 1.0, () -> {
            for (int attempt = 0; attempt < 10 && !answers.contains(ErrorCode.DOWNSTREAM_UNAVAILABLE.name()); attempt++) {
                JsonResult<Boolean> result = scenario.cancel(orderId, user.userId());
                assertThat(result.isOk()).as("cancel while fulfillment interception fails").isFalse();
                answers.add(result.getErrorCode());
                assertThat(fulfillmentAndOrder(orderId)).as("after answer %s", result.getErrorCode()).isEqualTo(fulfilled);
            }
            assertThat(answers).as("answers: failures first, then the open breaker's refusal")
                    .hasSizeGreaterThan(1).endsWith(ErrorCode.DOWNSTREAM_UNAVAILABLE.name());
        });

        // the interception works again; the breaker lets a trial call through once the open duration is over
        Awaitility.await().atMost(OPEN_DURATION.plusSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonResult<Boolean> result = scenario.cancel(orderId, user.userId());
            if (!result.isOk()) {
                assertThat(result.getErrorCode()).isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE.name());
                assertThat(fulfillmentAndOrder(orderId)).isEqualTo(fulfilled);
            }
            assertThat(result.isOk()).as("cancel once the breaker closed: %s", result.getErrorCode()).isTrue();
        });
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
    }

    private Map<String, Object> fulfillmentAndOrder(String orderId) {
        return Map.of("order", scenario.orderStatus(orderId),
                "cancelLogs", scenario.db().count("order_db",
                        "SELECT COUNT(*) FROM order_operate_log WHERE order_id = ? AND current_status = 70", orderId),
                "afterSales", scenario.afterSales(orderId),
                "fulfill", String.valueOf(scenario.fulfillStatus(orderId)),
                "delivery", String.valueOf(scenario.deliveryStatus(orderId)),
                "logistic", String.valueOf(scenario.logisticStatus(orderId)));
    }
}
