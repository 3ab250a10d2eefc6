package com.eshop.systemtest.operations;

import com.alibaba.fastjson2.JSON;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.ops.OrderTimelineDTO;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.ops.TimelineServices;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.HeadlessChromium;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's timeline of one order: a paid order with a coupon, cancelled and refunded in full, seen as one
 * chain through the ops Dubbo API, the HTTP endpoint (as the operator) and the ops page in a real headless Chromium,
 * signed in through the sign-in form; a browser that has not signed in sees the form and no order data.
 */
class OrderTimelinePageIT {
    private static final int PAGE_SCRIPT_BUDGET_MILLIS = 10_000;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    /** The page sets data-state on the body once the timeline (or its error) is shown. */
    private static final String PAGE_DONE = "location.pathname === '/ops/timeline.html'"
            + " && ['loaded', 'error'].includes(document.body.dataset.state)";
    private static final Scenario scenario = Suite.scenario();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String orderId;

    @BeforeAll
    static void aPaidOrderWithACouponCancelledAndRefunded() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1014", 2));
        orderId = order.getOrderId();
        scenario.pay(order, user.userId());
        scenario.awaitOrderStatus(orderId, OrderStatusEnum.FULFILL, Duration.ofSeconds(60));
        JsonResult<Boolean> cancel = scenario.cancel(orderId, user.userId());
        assertThat(cancel.isOk()).as("%s %s", cancel.getErrorCode(), cancel.getErrorMessage()).isTrue();
        Outcomes.assertFullyCancelled(scenario, orderId, user.couponId(), 0, order.getPayAmount());
    }

    @Test
    void theOpsApiShowsEveryStepOfTheChainAcrossTheServicesOldestFirst() {
        JsonResult<OrderTimelineDTO> result = scenario.client().orderTimelineApi.getOrderTimeline(orderId);

        assertThat(result.isOk()).as("%s %s", result.getErrorCode(), result.getErrorMessage()).isTrue();
        List<TimelineEntry> entries = result.getData().getEntries();
        assertThat(entries).extracting(TimelineEntry::getKind).doesNotContain(TimelineServices.UNAVAILABLE)
                .contains("ORDER_CREATED", "ORDER_PAID", "ORDER_FULFILL", "ORDER_CANCELED",
                        "COUPON_LOCKED", "COUPON_RELEASED", "STOCK_LOCKED", "STOCK_RELEASED",
                        "PRE_PAY_CREATED", "PAYMENT_CAPTURED", "REFUND_EXECUTED", "AFTER_SALE_REFUNDED",
                        "FULFILL_ORDER_CREATED", "FULFILL_ORDER_INTERCEPTED", "DELIVERY_ORDER_CREATED",
                        "DELIVERY_ORDER_INTERCEPTED", "LOGISTIC_ORDER_CREATED", "LOGISTIC_ORDER_INTERCEPTED");
        assertThat(entries).extracting(TimelineEntry::getService).contains(TimelineServices.ORDER, TimelineServices.MARKET,
                TimelineServices.INVENTORY, TimelineServices.PAY, TimelineServices.FULFILL, TimelineServices.WMS,
                TimelineServices.TMS, TimelineServices.BROKER);
        assertThat(entries).filteredOn(e -> TimelineServices.BROKER.equals(e.getService()))
                .extracting(e -> e.getDetail().get("topic"))
                .contains(RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC, RocketMqConstant.RELEASE_ASSETS_TOPIC,
                        RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC, RocketMqConstant.ACTUAL_REFUND_TOPIC,
                        RocketMqConstant.REFUND_COMPLETED_TOPIC);
        assertThat(entries).isSortedAccordingTo(Comparator.comparing(TimelineEntry::getTime));
        assertThat(kindIndex(entries, "ORDER_CREATED")).isLessThan(kindIndex(entries, "ORDER_PAID"));
        assertThat(kindIndex(entries, "ORDER_PAID")).isLessThan(kindIndex(entries, "ORDER_CANCELED"));
        assertThat(kindIndex(entries, "ORDER_CANCELED")).isLessThan(kindIndex(entries, "REFUND_EXECUTED"));
    }

    @Test
    void theOpsApiRefusesBadInputWithACode() {
        assertThat(scenario.client().orderTimelineApi.getOrderTimeline("O-NO-SUCH-ORDER").getErrorCode())
                .isEqualTo(ErrorCode.ORDER_NOT_FOUND.name());
        assertThat(scenario.client().orderTimelineApi.getOrderTimeline(null).getErrorCode()).isEqualTo(ErrorCode.PARAM_INVALID.name());
        assertThat(scenario.client().orderTimelineApi.getOrderTimeline("X".repeat(65)).getErrorCode())
                .isEqualTo(ErrorCode.PARAM_INVALID.name());
    }

    @Test
    void theOpsApiIsInternalAnUnsignedCallerIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":"
                                + ServiceSpec.byName(ServiceSpec.ORDER).dubboPort() + "/com.eshop.common.api.ops.OrderTimelineApi/getOrderTimeline"))
                        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[\"" + orderId + "\"]")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("OrderTimelineApi#getOrderTimeline is an internal API, refused: the call is not signed");
    }

    @Test
    void theHttpEndpointAnswersTheTimelineAnd404ForAnUnknownOrderAnd400ForAMalformedId() throws Exception {
        HttpResponse<String> known = get("/ops/orders/" + orderId + "/timeline");
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        assertThat(JSON.parseObject(known.body()).getJSONObject("data").getString("orderId")).isEqualTo(orderId);

        HttpResponse<String> unknown = get("/ops/orders/O-NO-SUCH-ORDER/timeline");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
        assertThat(JSON.parseObject(unknown.body()).getString("errorCode")).isEqualTo(ErrorCode.ORDER_NOT_FOUND.name());

        HttpResponse<String> oversized = get("/ops/orders/" + "X".repeat(65) + "/timeline");
        assertThat(oversized.statusCode()).as(oversized.body()).isEqualTo(400);
        assertThat(JSON.parseObject(oversized.body()).getString("errorCode")).isEqualTo(ErrorCode.PARAM_INVALID.name());
    }

    @Test
    void thePageShowsTheChainInARealBrowserOnceTheOperatorSignedIn() throws Exception {
        Path screenshot = Path.of("target", "timeline-" + orderId + ".png");
        Files.createDirectories(screenshot.getParent());
        String dom;
        try (HeadlessChromium.Session browser = HeadlessChromium.Session.open()) {
            signIn(browser, pageUrl(orderId));
            browser.await(PAGE_DONE, PAGE_TIMEOUT);
            dom = browser.dom();
            browser.screenshot(screenshot);
        }

        assertThat(dom).contains("data-state=\"loaded\"");
        for (String kind : List.of("ORDER_CREATED", "ORDER_PAID", "ORDER_CANCELED", "COUPON_LOCKED", "COUPON_RELEASED",
                "STOCK_LOCKED", "STOCK_RELEASED", "REFUND_EXECUTED", "AFTER_SALE_REFUNDED", "MESSAGE_STORED")) {
            assertThat(dom).as("step %s on the page", kind).contains("data-kind=\"" + kind + "\"");
        }
        assertThat(dom).contains("RELEASE_ASSETS message stored on " + RocketMqConstant.RELEASE_ASSETS_TOPIC);
        assertThat(dom).doesNotContain("data-kind=\"" + TimelineServices.UNAVAILABLE + "\"");
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void thePageShowsAClearErrorForAnUnknownOrder() throws Exception {
        String dom;
        try (HeadlessChromium.Session browser = HeadlessChromium.Session.open()) {
            signIn(browser, pageUrl("O-NO-SUCH-ORDER"));
            browser.await(PAGE_DONE, PAGE_TIMEOUT);
            dom = browser.dom();
        }

        assertThat(dom).contains("data-state=\"error\"").contains("ORDER_NOT_FOUND: order O-NO-SUCH-ORDER does not exist");
    }

    @Test
    void aBrowserThatHasNotSignedInGetsTheSignInFormAndNoOrderData() {
        String dom = HeadlessChromium.dumpDom(pageUrl(orderId), PAGE_SCRIPT_BUDGET_MILLIS);

        assertThat(dom).contains("name=\"username\"", "name=\"password\"").doesNotContain("Order timeline", orderId);
    }

    /** Opens {@code url}, is sent to the sign-in form, and signs in as the local stack's operator. */
    private static void signIn(HeadlessChromium.Session browser, String url) {
        browser.navigate(url);
        browser.await("location.pathname === '/login' && document.querySelector('input[name=password]') !== null", PAGE_TIMEOUT);
        browser.evaluate("(() => { const form = document.querySelector('input[name=password]').form;"
                + " form.querySelector('input[name=username]').value = '" + LocalStackConfig.OPERATOR_USERNAME + "';"
                + " form.querySelector('input[name=password]').value = '" + LocalStackConfig.OPERATOR_PASSWORD + "';"
                + " form.submit(); return true; })()");
    }

    private static int kindIndex(List<TimelineEntry> entries, String kind) {
        return entries.stream().map(TimelineEntry::getKind).toList().indexOf(kind);
    }

    private static String pageUrl(String orderId) {
        return "http://" + StackPorts.HOST + ":" + ServiceSpec.byName(ServiceSpec.ORDER).httpPort() + "/ops/timeline.html?orderId=" + orderId;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":" + ServiceSpec.byName(ServiceSpec.ORDER).httpPort() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", LocalStackConfig.operatorAuthorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
