package com.eshop.systemtest.operations;

import com.alibaba.fastjson2.JSON;
import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.consistency.FaultInjector;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.Faults;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.apache.rocketmq.common.MixAll;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' HTTP ports from outside, as curl would call them: without the operator's credentials (or with a
 * wrong password) the order timeline, its page and every actuator endpoint that reads or changes anything are
 * refused and nothing changes; with them they work; health (with the probes) and Prometheus answer anyone, and the
 * payment gateway's notification path is not behind the operator.
 */
class OperatorAccessIT {
    private static final String WRONG_PASSWORD = "Basic " + Base64.getEncoder().encodeToString(
            (LocalStackConfig.OPERATOR_USERNAME + ":not-the-password").getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Scenario scenario = Suite.scenario();

    @Test
    void theTimelineAndItsPageAreRefusedToAnOutsiderAndShownToTheOperator() throws Exception {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1018", 1));
        String timeline = "/ops/orders/" + order.getOrderId() + "/timeline";

        for (String authorization : new String[] {null, WRONG_PASSWORD}) {
            HttpResponse<String> json = send(ServiceSpec.ORDER, "GET", timeline, authorization, null);
            assertThat(json.statusCode()).as("timeline JSON with %s", authorization).isEqualTo(401);
            assertThat(json.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(json.body()).doesNotContain(user.userId(), "\"data\"");
        }
        HttpResponse<String> page = send(ServiceSpec.ORDER, "GET", "/ops/timeline.html?orderId=" + order.getOrderId(),
                null, null, "Accept", "text/html,application/xhtml+xml");
        assertThat(page.statusCode()).as("a browser is sent to the sign-in form").isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
        assertThat(page.body()).doesNotContain("Order timeline");

        HttpResponse<String> operator = send(ServiceSpec.ORDER, "GET", timeline, LocalStackConfig.operatorAuthorization(), null);
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(JSON.parseObject(operator.body()).getJSONObject("data").getString("userId")).isEqualTo(user.userId());
        HttpResponse<String> operatorPage = send(ServiceSpec.ORDER, "GET", "/ops/timeline.html", LocalStackConfig.operatorAuthorization(), null);
        assertThat(operatorPage.statusCode()).isEqualTo(200);
        assertThat(operatorPage.body()).contains("Order timeline");
    }

    @Test
    void anOutsiderCannotSwitchAFaultOn() throws Exception {
        String point = FaultPoints.PAY_REFUND_FAILURE;

        for (String authorization : new String[] {null, WRONG_PASSWORD}) {
            HttpResponse<String> response = send(ServiceSpec.PAY, "POST", "/actuator/faults/" + point, authorization, "{\"rate\":1.0}");
            assertThat(response.statusCode()).as("POST faults with %s: %s", authorization, response.body()).isEqualTo(401);
            assertThat(send(ServiceSpec.PAY, "GET", "/actuator/faults", authorization, null).statusCode()).isEqualTo(401);
        }
        assertThat(FaultInjector.rates(ServiceSpec.PAY).getOrDefault(point, 0.0)).as("the switch is still off").isZero();

        Faults.with(ServiceSpec.PAY, point, 0.25, () ->
                assertThat(FaultInjector.rates(ServiceSpec.PAY)).as("the operator switches it").containsEntry(point, 0.25));
        assertThat(FaultInjector.rates(ServiceSpec.PAY)).containsEntry(point, 0.0);
    }

    @Test
    void anOutsiderCannotChangeTheConfiguration() throws Exception {
        String property = "eshop.operator-access-it.marker";
        String path = "/actuator/env/" + property;

        for (String authorization : new String[] {null, WRONG_PASSWORD}) {
            HttpResponse<String> set = send(ServiceSpec.ORDER, "POST", "/actuator/env", authorization,
                    "{\"name\":\"" + property + "\",\"value\":\"outsider\"}");
            assertThat(set.statusCode()).as("POST env with %s: %s", authorization, set.body()).isEqualTo(401);
            assertThat(send(ServiceSpec.ORDER, "GET", path, authorization, null).statusCode()).isEqualTo(401);
        }
        assertThat(send(ServiceSpec.ORDER, "GET", path, LocalStackConfig.operatorAuthorization(), null).statusCode())
                .as("the property was never set").isEqualTo(404);

        HttpResponse<String> set = send(ServiceSpec.ORDER, "POST", "/actuator/env", LocalStackConfig.operatorAuthorization(),
                "{\"name\":\"" + property + "\",\"value\":\"operator\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        try {
            assertThat(send(ServiceSpec.ORDER, "GET", path, LocalStackConfig.operatorAuthorization(), null).statusCode()).isEqualTo(200);
        } finally {
            assertThat(send(ServiceSpec.ORDER, "DELETE", "/actuator/env", LocalStackConfig.operatorAuthorization(), null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void anOutsiderCannotReDriveADeadLetterTheOperatorCan() throws Exception {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1019", 1));
        String orderId = order.getOrderId();
        scenario.cancelLosingItsStockRelease(orderId, user);
        scenario.deadLetterItsStockRelease(orderId);
        String deadLetters = MixAll.DLQ_GROUP_TOPIC_PREFIX + RocketMqConstant.RELEASE_INVENTORY_CONSUMER_GROUP;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !Suite.broker().messages(deadLetters, orderId).isEmpty());
        String redrive = "/actuator/deadletters/" + RocketMqConstant.RELEASE_INVENTORY_CONSUMER_GROUP;

        for (String authorization : new String[] {null, WRONG_PASSWORD}) {
            HttpResponse<String> response = send(ServiceSpec.INVENTORY, "POST", redrive, authorization, null);
            assertThat(response.statusCode()).as("re-drive with %s: %s", authorization, response.body()).isEqualTo(401);
            assertThat(send(ServiceSpec.INVENTORY, "GET", "/actuator/deadletters", authorization, null).statusCode()).isEqualTo(401);
        }
        Thread.sleep(3000);
        assertThat(scenario.stockLogs(orderId, 10)).as("stock still locked: nothing was re-driven").isPositive();

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            HttpResponse<String> response = send(ServiceSpec.INVENTORY, "POST", redrive, LocalStackConfig.operatorAuthorization(), null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.parseObject(response.body()).getIntValue("redriven")).isPositive();
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scenario.stockLogs(orderId, 10)).as("stock released").isZero());
    }

    @Test
    void healthProbesAndPrometheusAnswerAnyoneTheOtherEndpointsOnlyTheOperator() throws Exception {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String service = spec.name();
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpResponse<String> health = send(service, "GET", path, null, null);
                assertThat(health.statusCode()).as("%s %s: %s", service, path, health.body()).isEqualTo(200);
                assertThat(health.body()).as("%s %s: the status, not the details", service, path)
                        .contains("\"status\":\"UP\"").doesNotContain("components");
            }
            HttpResponse<String> prometheus = send(service, "GET", "/actuator/prometheus", null, null);
            assertThat(prometheus.statusCode()).as("%s prometheus", service).isEqualTo(200);
            assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
            for (String path : List.of("/actuator", "/actuator/info", "/actuator/metrics", "/actuator/deadletters", "/actuator/env")) {
                assertThat(send(service, "GET", path, null, null).statusCode()).as("%s %s", service, path).isEqualTo(401);
            }
            assertThat(send(service, "GET", "/actuator/health", LocalStackConfig.operatorAuthorization(), null).body())
                    .as("%s: the operator sees the details", service).contains("components");
        }
    }

    @Test
    void thePaymentGatewaysNotificationPathIsNotBehindTheOperator() throws Exception {
        HttpResponse<String> response = send(ServiceSpec.PAY, "POST", "/pay/notifications/operator-access-it", null, "{}");

        assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private static HttpResponse<String> send(String service, String method, String path, String authorization, String json,
                                             String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":"
                        + ServiceSpec.byName(service).httpPort() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
