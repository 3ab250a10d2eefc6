package com.eshop.systemtest.forward;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.InternalApiSignature;
import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.InventoryApi;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.common.api.pay.PayApi;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.StateFingerprint;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcException;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The APIs as a caller outside the suite sees them, over plain HTTP (Dubbo triple + JSON, as with curl) and as a
 * Dubbo consumer of the registry: the public order APIs answer; the registry shows no secret; every
 * service-to-service API refuses a call that is not signed with the suite's internal-API secret (unsigned, signed
 * with what the registry shows, or signed too long ago) and changes nothing; a correctly signed call by hand answers;
 * a malformed body is the caller's error (HTTP 400, PARAM_INVALID).
 */
class ApiExposureIT {
    private static final String PAY_API = PayApi.class.getName();
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
    void theRegistryShowsNoSecret() throws Exception {
        Suite.client();
        Map<String, List<String>> urls = registryUrls();

        assertThat(urls.get(PAY_API)).as("PayApi's providers and consumers in ZooKeeper").isNotEmpty();
        assertThat(urls.get(InventoryApi.class.getName())).as("InventoryApi's providers and consumers").isNotEmpty();
        urls.forEach((api, list) -> assertThat(list).as(api).allSatisfy(url -> assertThat(url)
                .doesNotContain("token=").doesNotContain(Suite.stack().internalApiSecret())));
    }

    @Test
    void aCallerHoldingWhatTheRegistryShowsCannotRefundAPaidOrderOrReleaseItsStock() throws Exception {
        CreateOrderDTO order = paidOrder();
        Suite.awaitSettled();
        Map<String, String> before = StateFingerprint.of(scenario.db());
        PayRefundRequest refund = new PayRefundRequest();
        refund.setRefundRequestId("R-HOSTILE-" + order.getOrderId());
        refund.setOrderId(order.getOrderId());
        refund.setOutTradeNo(scenario.tradeNumber(order.getOrderId(), Scenario.WECHAT));
        refund.setPayType(Scenario.WECHAT);
        refund.setRefundAmount(order.getPayAmount());
        CancelOrderReleaseProductStockRequest release = new CancelOrderReleaseProductStockRequest();
        release.setOrderId(order.getOrderId());

        DubboBootstrap registryReader = DubboBootstrap.newInstance()
                .application(new ApplicationConfig("registry-reader"))
                .registry(new RegistryConfig(Suite.stack().dubboRegistryAddress()));
        try {
            ReferenceConfig<PayApi> pay = reference(registryReader, PayApi.class);
            ReferenceConfig<InventoryApi> inventory = reference(registryReader, InventoryApi.class);
            registryReader.start();
            awaitProvider(pay);
            awaitProvider(inventory);

            assertThatThrownBy(() -> pay.get().executeRefund(refund)).isInstanceOf(RpcException.class)
                    .hasMessageContaining(PAY_API + "#executeRefund is an internal API, refused: the call is not signed");
            assertThatThrownBy(() -> inventory.get().cancelOrderReleaseProductStock(release)).isInstanceOf(RpcException.class)
                    .hasMessageContaining("#cancelOrderReleaseProductStock is an internal API, refused");
        } finally {
            registryReader.stop();
        }
        Map<String, String> everythingTheUrlHolds = providerParameters(PAY_API);
        HttpResponse<String> byHand = post(ServiceSpec.PAY, PAY_API + "/executeRefund", "[" + JSON.toJSONString(refund) + "]",
                everythingTheUrlHolds);

        assertThat(byHand.statusCode()).as(byHand.body()).isEqualTo(403);
        assertThat(byHand.body()).contains("is an internal API, refused");
        assertThat(StateFingerprint.of(scenario.db())).isEqualTo(before);
        assertThat(scenario.refundCount(order.getOrderId())).isZero();
    }

    @Test
    void aCallSignedByHandWithTheSecretAnswersAndAStaleOneIsRefused() throws Exception {
        CreateOrderDTO order = paidOrder();
        Suite.awaitSettled();
        Map<String, String> before = StateFingerprint.of(scenario.db());
        String secret = Suite.stack().internalApiSecret();
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> signed = post(ServiceSpec.PAY, PAY_API + "/listRefunds", "[\"" + order.getOrderId() + "\"]",
                InternalApiSignature.attachments(secret, now, PAY_API, "listRefunds"));
        HttpResponse<String> stale = post(ServiceSpec.PAY, PAY_API + "/executeRefund",
                "[{\"refundRequestId\":\"R-STALE\",\"orderId\":\"" + order.getOrderId() + "\",\"outTradeNo\":\""
                        + scenario.tradeNumber(order.getOrderId(), Scenario.WECHAT) + "\",\"payType\":" + Scenario.WECHAT
                        + ",\"refundAmount\":" + order.getPayAmount() + "}]",
                InternalApiSignature.attachments(secret, now - 120, PAY_API, "executeRefund"));

        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(JSON.parseObject(signed.body()).getBoolean("success")).as(signed.body()).isTrue();
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(403);
        assertThat(stale.body()).contains("s away from the provider's clock (at most 60 s allowed)");
        assertThat(StateFingerprint.of(scenario.db())).isEqualTo(before);
    }

    @Test
    void internalApisRefuseAnUnsignedCallByHandAndChangeNothing() throws Exception {
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
            assertThat(response.statusCode()).as("%s %s: %s", service, pathAndBody[0], response.body()).isEqualTo(403);
            assertThat(response.body()).as("%s %s", service, pathAndBody[0]).contains("is an internal API, refused: the call is not signed");
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

    private CreateOrderDTO paidOrder() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), Scenario.items("SKU-1003", 1));
        scenario.pay(order, user.userId());
        return order;
    }

    /** Every provider and consumer URL in ZooKeeper, decoded, by API: what anyone who reads the registry sees. */
    private static Map<String, List<String>> registryUrls() throws Exception {
        Map<String, List<String>> urls = new LinkedHashMap<>();
        try (ZooKeeperAdmin zk = new ZooKeeperAdmin(Suite.stack().zooKeeperAddress(), 10_000, event -> { })) {
            for (String api : zk.getChildren("/dubbo", false)) {
                List<String> list = new ArrayList<>();
                for (String side : List.of("providers", "consumers")) {
                    String path = "/dubbo/" + api + "/" + side;
                    if (zk.exists(path, false) != null) {
                        zk.getChildren(path, false).forEach(url -> list.add(URLDecoder.decode(url, StandardCharsets.UTF_8)));
                    }
                }
                urls.put(api, list);
            }
        }
        return urls;
    }

    /** The query parameters of the API's dubbo provider URL in the registry. */
    private static Map<String, String> providerParameters(String api) throws Exception {
        String url = registryUrls().get(api).stream().filter(u -> u.startsWith("dubbo://")).findFirst().orElseThrow();
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] keyAndValue = pair.split("=", 2);
            parameters.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : "");
        }
        return parameters;
    }

    private static <T> ReferenceConfig<T> reference(DubboBootstrap bootstrap, Class<T> api) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(api);
        reference.setVersion("1.0.0");
        reference.setCheck(false);
        reference.setRetries(0);
        bootstrap.reference(reference);
        return reference;
    }

    private static void awaitProvider(ReferenceConfig<?> reference) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> reference.getInvoker().isAvailable());
    }

    private HttpResponse<String> postUnchecked(String service, String path, String body) {
        try {
            return post(service, path, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String service, String path, String body) throws Exception {
        return post(service, path, body, Map.of());
    }

    private HttpResponse<String> post(String service, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":" + ServiceSpec.byName(service).dubboPort() + "/" + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
