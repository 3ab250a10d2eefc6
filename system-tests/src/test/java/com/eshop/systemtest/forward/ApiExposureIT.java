package com.eshop.systemtest.forward;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.ErrorCode;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.StateFingerprint;
import com.eshop.systemtest.support.Suite;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APIs as a caller outside the suite sees them, over plain HTTP (Dubbo triple + JSON, as with curl): the
 * public order APIs answer, every service-to-service API refuses a caller without the suite's internal token and
 * changes nothing, and a malformed body is the caller's error (HTTP 400, PARAM_INVALID).
 */
class ApiExposureIT {
    private final Scenario scenario = Suite.scenario();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thePublicOrderApiIsCallableByHand() throws Exception {
        Suite.client();
        HttpResponse<String> response = post(ServiceSpec.ORDER, "com.eshop.common.api.order.OrderApi/getOrderDetail", "[\"O-NOPE\", \"U1001\"]");

        assertThat(response.statusCode()).isEqualTo(200);
        JSONObject body = JSON.parseObject(response.body());
        assertThat(body.getBoolean("success")).isFalse();
        assertThat(body.getString("errorCode")).isEqualTo(ErrorCode.ORDER_NOT_FOUND.name());
    }

    @Test
    void internalApisRefuseACallerWithoutTheSuiteTokenAndChangeNothing() throws Exception {
        Suite.client();
        Suite.awaitSettled();
        Map<String, String> before = StateFingerprint.of(scenario.db());
        Map<String, String> calls = Map.of(
                ServiceSpec.PAY, "com.eshop.common.api.pay.PayApi/executeRefund|[{\"refundRequestId\":\"R-HOSTILE\",\"orderId\":\"O-HOSTILE\","
                        + "\"outTradeNo\":\"T-HOSTILE\",\"payType\":10,\"refundAmount\":5000}]",
                ServiceSpec.INVENTORY, "com.eshop.common.api.inventory.InventoryApi/cancelOrderReleaseProductStock|[{\"orderId\":\"O-HOSTILE\"}]",
                ServiceSpec.MARKET, "com.eshop.common.api.market.MarketApi/releaseUserCoupon|[{\"userId\":\"U1001\",\"couponId\":\"CP-U1001-1\",\"orderId\":\"O-HOSTILE\"}]",
                ServiceSpec.FULFILL, "com.eshop.common.api.fulfill.FulfillApi/cancelFulfill|[{\"orderId\":\"O-HOSTILE\"}]",
                ServiceSpec.WMS, "com.eshop.common.api.wms.WmsApi/outStock|[\"O-HOSTILE\"]",
                ServiceSpec.TMS, "com.eshop.common.api.tms.TmsApi/cancelSendOut|[\"O-HOSTILE\"]",
                ServiceSpec.ORDER, "com.eshop.common.api.order.OrderInternalApi/confirmOutStock|[\"O-HOSTILE\"]");

        calls.forEach((service, call) -> {
            String[] pathAndBody = call.split("\\|", 2);
            HttpResponse<String> response = postUnchecked(service, pathAndBody[0], pathAndBody[1]);
            assertThat(response.statusCode()).as("%s %s: %s", service, pathAndBody[0], response.body()).isNotEqualTo(200);
            assertThat(response.body()).as("%s %s", service, pathAndBody[0]).containsIgnoringCase("token");
        });

        assertThat(StateFingerprint.of(scenario.db())).isEqualTo(before);
    }

    @Test
    void aMalformedBodyIsTheCallersErrorNotAServerError() throws Exception {
        Suite.client();
        for (String body : new String[]{"[{\"orderId\":", "not json", "{\"orderId\":\"O1\"}x"}) {
            HttpResponse<String> response = post(ServiceSpec.ORDER, "com.eshop.common.api.order.AfterSaleApi/cancelOrder", body);

            assertThat(response.statusCode()).as("%s -> %s", body, response.body()).isEqualTo(400);
            assertThat(JSON.parseObject(response.body()).getString("errorCode")).as(response.body()).isEqualTo(ErrorCode.PARAM_INVALID.name());
        }
    }

    private HttpResponse<String> postUnchecked(String service, String path, String body) {
        try {
            return post(service, path, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String service, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":" + ServiceSpec.byName(service).dubboPort() + "/" + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
