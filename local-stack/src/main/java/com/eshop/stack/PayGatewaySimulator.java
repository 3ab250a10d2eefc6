package com.eshop.stack;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONException;
import com.alibaba.fastjson2.JSONObject;
import com.alibaba.fastjson2.TypeReference;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.common.api.pay.GatewayPaymentNotification;
import com.eshop.common.api.pay.GatewaySignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment gateway (WeChat Pay, Alipay) of the local stack: a customer pays a trade that pay-service's pre-pay
 * opened, and the gateway sends its signed asynchronous notification to pay-service's notify URL, as the real ones
 * do. Its RSA key pair is made at each stack start; pay-service is given only the public key. A delivery that
 * pay-service does not answer with 2xx (it is down, or answered 5xx) is re-delivered, freshly signed, every
 * {@code redeliveryInterval} until {@code maxDeliveries}; refusals (4xx) are final.
 *
 * <pre>
 * POST /gateway/pay                                   {"orderId","outTradeNo","payType","payAmount"} -> a new notification, delivered
 * POST /gateway/notifications/{notificationId}/redeliver  the same notification again (a duplicate or late delivery)
 * GET  /gateway/notifications/{notificationId}         the notification's body as it was signed
 * </pre>
 * Each POST answers {@code {"notificationId", "status" (pay-service's HTTP status, 0 when unreachable), "response" (its body)}}.
 */
public final class PayGatewaySimulator implements AutoCloseable {
    private static final Pattern NOTIFICATION_PATH = Pattern.compile("/gateway/notifications/([A-Za-z0-9_-]{1,64})(/redeliver)?");
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KeyPair keyPair = GatewaySignature.newKeyPair();
    /** pay-service's notify URL per instance, taken in turn as a load balancer in front of them would. */
    private final List<URI> notifyUrls;
    private final AtomicInteger nextNotifyUrl = new AtomicInteger();
    private final Duration redeliveryInterval;
    private final int maxDeliveries;
    private final Map<String, String> notificationBodies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService redelivery = Executors.newSingleThreadScheduledExecutor(Parallel.daemonThreads("pay-gateway-redelivery"));
    private ExecutorService handlers;
    private HttpServer server;

    /** One delivery of a notification and pay-service's answer to it. */
    public record Delivery(String notificationId, int status, String response) {
        /**
         * pay-service's answer in the suite's envelope; SYSTEM_ERROR when it could not be reached or answered
         * something else than the envelope (e.g. an HTTP error page).
         */
        public JsonResult<Boolean> result() {
            try {
                JsonResult<Boolean> result = JSON.parseObject(response, new TypeReference<JsonResult<Boolean>>() {
                });
                if (result != null && result.getSuccess() != null) {
                    return result;
                }
            } catch (JSONException e) {
                // not the envelope: answered below
            }
            return JsonResult.buildError(ErrorCode.SYSTEM_ERROR, "pay-service answered HTTP " + status + ": " + response);
        }
    }

    /** A notification as it travels: the body and the three signature headers. */
    public record SignedRequest(String timestamp, String nonce, String signature, String body) {
    }

    PayGatewaySimulator(List<URI> notifyUrls, Duration redeliveryInterval, int maxDeliveries) {
        this.notifyUrls = List.copyOf(notifyUrls);
        this.redeliveryInterval = redeliveryInterval;
        this.maxDeliveries = maxDeliveries;
    }

    /** What pay-service verifies notifications with ({@code eshop.pay.gateway.public-key}). */
    String publicKey() {
        return GatewaySignature.encode(keyPair.getPublic());
    }

    void start(String host, int port) throws IOException {
        handlers = Executors.newFixedThreadPool(8, Parallel.daemonThreads("pay-gateway-http"));
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
        server.setExecutor(handlers);
        server.createContext("/gateway/", this::handle);
        server.start();
    }

    /** The customer pays {@code payAmount} for the trade; the gateway notifies pay-service. */
    public Delivery pay(String orderId, String outTradeNo, int payType, int payAmount) {
        GatewayPaymentNotification notification = notification(orderId, outTradeNo, payType, payAmount);
        notificationBodies.put(notification.getNotificationId(), JSON.toJSONString(notification));
        return deliver(notification.getNotificationId());
    }

    /** The notification of a payment the gateway took now, with a new notification id. */
    public static GatewayPaymentNotification notification(String orderId, String outTradeNo, int payType, int payAmount) {
        GatewayPaymentNotification notification = new GatewayPaymentNotification();
        notification.setNotificationId("N" + UUID.randomUUID().toString().replace("-", ""));
        notification.setOrderId(orderId);
        notification.setOutTradeNo(outTradeNo);
        notification.setPayType(payType);
        notification.setPayAmount(payAmount);
        notification.setTradeState(GatewayPaymentNotification.TRADE_SUCCESS);
        notification.setSuccessTime(System.currentTimeMillis());
        return notification;
    }

    /** Sends the notification again, signed now; an unknown id answers status 404 without any delivery. */
    public Delivery redeliver(String notificationId) {
        return notificationBodies.containsKey(notificationId) ? deliver(notificationId)
                : new Delivery(notificationId, 404, "{\"errorMessage\":\"unknown notification\"}");
    }

    /** The body of a notification as the gateway signed it (what someone who saw one delivery holds), or null. */
    public String notificationBody(String notificationId) {
        return notificationBodies.get(notificationId);
    }

    /** {@code body} signed by the gateway's key as of {@code at}: for tests of old or tampered notifications. */
    public SignedRequest sign(String body, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        return new SignedRequest(timestamp, nonce, GatewaySignature.sign(keyPair.getPrivate(), timestamp, nonce, body), body);
    }

    /** Posts a signed request to pay-service's notify URL as it is; status 0 when pay-service could not be reached. */
    public Delivery post(SignedRequest request) {
        return post(request, null);
    }

    private Delivery post(SignedRequest request, String notificationId) {
        URI notifyUrl = notifyUrls.get(Math.floorMod(nextNotifyUrl.getAndIncrement(), notifyUrls.size()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(notifyUrl).timeout(DELIVERY_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        if (request.timestamp() != null) {
            builder.header(GatewaySignature.TIMESTAMP_HEADER, request.timestamp());
        }
        if (request.nonce() != null) {
            builder.header(GatewaySignature.NONCE_HEADER, request.nonce());
        }
        if (request.signature() != null) {
            builder.header(GatewaySignature.SIGNATURE_HEADER, request.signature());
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Delivery(notificationId, response.statusCode(), response.body());
        } catch (IOException e) {
            return new Delivery(notificationId, 0, "{\"errorMessage\":\"" + e.getClass().getSimpleName() + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(notificationId, 0, "{\"errorMessage\":\"interrupted\"}");
        }
    }

    private Delivery deliver(String notificationId) {
        Delivery delivery = post(sign(notificationBodies.get(notificationId), Instant.now()), notificationId);
        int count = deliveries.computeIfAbsent(notificationId, id -> new AtomicInteger()).incrementAndGet();
        if (needsRedelivery(delivery) && count < maxDeliveries && !redelivery.isShutdown()) {
            redelivery.schedule(() -> deliver(notificationId), redeliveryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return delivery;
    }

    private static boolean needsRedelivery(Delivery delivery) {
        return delivery.status() == 0 || delivery.status() >= 500;
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher notificationPath = NOTIFICATION_PATH.matcher(path);
            if (path.equals("/gateway/pay") && method.equals("POST")) {
                JSONObject request = readJson(exchange);
                if (request == null || !request.containsKey("orderId") || !request.containsKey("outTradeNo")
                        || !(request.get("payType") instanceof Integer) || !(request.get("payAmount") instanceof Integer)) {
                    respond(exchange, 400, "{\"errorMessage\":\"expected {orderId, outTradeNo, payType (int), payAmount (int, cents)}\"}");
                    return;
                }
                respond(exchange, 200, answer(pay(request.getString("orderId"), request.getString("outTradeNo"),
                        request.getIntValue("payType"), request.getIntValue("payAmount"))));
            } else if (notificationPath.matches() && notificationPath.group(2) != null && method.equals("POST")) {
                Delivery delivery = redeliver(notificationPath.group(1));
                respond(exchange, delivery.status() == 404 ? 404 : 200, answer(delivery));
            } else if (notificationPath.matches() && notificationPath.group(2) == null && method.equals("GET")) {
                String body = notificationBody(notificationPath.group(1));
                respond(exchange, body == null ? 404 : 200, body == null ? "{\"errorMessage\":\"unknown notification\"}" : body);
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"no such gateway endpoint\"}");
            }
        }
    }

    private static String answer(Delivery delivery) {
        JSONObject answer = new JSONObject();
        answer.put("notificationId", delivery.notificationId());
        answer.put("status", delivery.status());
        try {
            answer.put("response", JSON.parse(delivery.response()));
        } catch (JSONException e) {
            answer.put("response", delivery.response());
        }
        return answer.toJSONString();
    }

    private static JSONObject readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(16 * 1024);
            return JSON.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (JSONException e) {
            return null;
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        redelivery.shutdownNow();
        if (server != null) {
            server.stop(0);
            handlers.shutdownNow();
        }
    }
}
