package com.eshop.consistency;

import com.eshop.common.api.FaultPoints;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.stack.LocalStack;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.ServiceSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switches the services' fault-injection points through their {@code POST /actuator/faults/{point}} endpoints
 * (present only in services started with {@code --eshop.faults.enabled=true}), kills and restarts service JVMs and
 * restarts the broker, Redis and the Seata TC through {@link LocalStack}, and counts what was injected: the services'
 * own counters (harvested before a JVM dies) plus every kill and restart.
 */
public final class FaultInjector {
    /** Rates of the rate-driven fault classes. */
    public record Rates(double duplicate, double consumeFailure, double refundFailure, double refundTimeout,
                        double interceptionFailure, double dropTimeout, double lostMessage) {
        public static Rates defaults() {
            return new Rates(1.0, 0.2, 0.3, 0.2, 0.3, 1.0, 0.3);
        }
    }

    /** Plain messages of the cancel chain lost by {@link FaultClass#LOST_MESSAGES}, per sending service. */
    public static final Map<String, List<String>> LOSABLE_MESSAGES = Map.of(
            ServiceSpec.ORDER, List.of(
                    FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC,
                    FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC,
                    FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC),
            ServiceSpec.PAY, List.of(FaultPoints.LOST_SEND_PREFIX + RocketMqConstant.REFUND_COMPLETED_TOPIC));

    /** A kill or restart, for the report. */
    public record Event(String what, long atMillis, long tookMillis, String outcome) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%.1f s, %s)", what, tookMillis / 1000.0, outcome);
        }
    }

    /** Order-service crash points, taken in turn by {@link FaultClass#KILL_ORDER_SERVICE}. */
    public static final List<String> ORDER_CRASH_POINTS = List.of(
            FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.RELEASE_ASSETS_TOPIC,
            FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.PAID_ORDER_SUCCESS_TOPIC,
            FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + RocketMqConstant.ACTUAL_REFUND_TOPIC,
            FaultPoints.ORDER_HALT_INSIDE_CANCEL_TRANSACTION);

    /** Services taken in turn by {@link FaultClass#KILL_SERVICE}. */
    public static final List<String> KILLABLE = List.of(ServiceSpec.INVENTORY, ServiceSpec.MARKET, ServiceSpec.PAY,
            ServiceSpec.FULFILL, ServiceSpec.WMS, ServiceSpec.TMS, ServiceSpec.ORDER);

    private static final List<String> CONSUMING = List.of(ServiceSpec.ORDER, ServiceSpec.INVENTORY, ServiceSpec.MARKET);
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final Pattern COUNTER = Pattern.compile("\"([a-z0-9_.\\-]+)\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern INJECTED = Pattern.compile("\"injected\"\\s*:\\s*(\\d+)");
    private static final Pattern RATE = Pattern.compile("\"rate\"\\s*:\\s*([0-9.Ee-]+)");

    private final LocalStack stack;
    private final Rates rates;
    private final Consumer<String> log;
    private volatile Set<FaultClass> active = EnumSet.noneOf(FaultClass.class);
    /** service -> point -> injected count last read from the (current JVM of the) service */
    private final Map<String, Map<String, Long>> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> injected = new ConcurrentHashMap<>();
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());

    public FaultInjector(LocalStack stack, Rates rates, Consumer<String> log) {
        this.stack = stack;
        this.rates = rates;
        this.log = log;
    }

    // ------------------------------------------------------------------------------------------------ rates

    /** Switches the rate-driven classes of {@code classes} on (and every other point off). */
    public synchronized void apply(Set<FaultClass> classes) {
        active = classes.isEmpty() ? EnumSet.noneOf(FaultClass.class) : EnumSet.copyOf(classes);
        for (String service : stack.serviceNames()) {
            applyTo(service);
        }
    }

    private void applyTo(String service) {
        Map<String, Double> wanted = wantedRates(service);
        for (Map.Entry<String, Double> e : wanted.entrySet()) {
            set(service, e.getKey(), e.getValue());
        }
    }

    /** The points of one service instance; a second instance (scaled-out stack) gets those of its service. */
    private Map<String, Double> wantedRates(String instance) {
        String service = ServiceSpec.byName(instance).module();
        Map<String, Double> m = new LinkedHashMap<>();
        Set<FaultClass> a = active;
        if (CONSUMING.contains(service)) {
            m.put(FaultPoints.MQ_DUPLICATE_DELIVERY, a.contains(FaultClass.DUPLICATE_DELIVERY) ? rates.duplicate() : 0);
            m.put(FaultPoints.MQ_CONSUME_FAILURE, a.contains(FaultClass.CONSUME_FAILURE) ? rates.consumeFailure() : 0);
        }
        if (service.equals(ServiceSpec.PAY)) {
            m.put(FaultPoints.PAY_REFUND_FAILURE, a.contains(FaultClass.REFUND_FAILURE) ? rates.refundFailure() : 0);
            m.put(FaultPoints.PAY_REFUND_TIMEOUT, a.contains(FaultClass.REFUND_TIMEOUT) ? rates.refundTimeout() : 0);
        }
        if (service.equals(ServiceSpec.FULFILL)) {
            m.put(FaultPoints.FULFILL_INTERCEPTION_FAILURE, a.contains(FaultClass.INTERCEPTION_FAILURE) ? rates.interceptionFailure() : 0);
        }
        for (String point : LOSABLE_MESSAGES.getOrDefault(service, List.of())) {
            m.put(point, a.contains(FaultClass.LOST_MESSAGES) ? rates.lostMessage() : 0);
        }
        if (service.equals(ServiceSpec.ORDER)) {
            m.put(FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE, a.contains(FaultClass.DROP_TIMEOUT_MESSAGE) ? rates.dropTimeout() : 0);
            for (String p : ORDER_CRASH_POINTS) {
                m.put(p, 0.0);
            }
        }
        return m;
    }

    /** Every point of every service off; returns the points that could not be verified off (a service down). */
    public synchronized List<String> clearAll() {
        active = EnumSet.noneOf(FaultClass.class);
        List<String> notOff = new ArrayList<>();
        for (String service : stack.serviceNames()) {
            try {
                applyTo(service);
                Map<String, Double> now = rates(service);
                now.forEach((point, rate) -> {
                    if (rate != 0) {
                        notOff.add(service + " " + point + "=" + rate);
                    }
                });
            } catch (RuntimeException e) {
                notOff.add(service + ": " + e.getMessage());
            }
        }
        return notOff;
    }

    public Set<FaultClass> active() {
        return active;
    }

    public static void set(String service, String point, double rate) {
        URI uri = URI.create("http://127.0.0.1:" + ServiceSpec.byName(service).httpPort() + "/actuator/faults/" + point);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("Authorization", LocalStackConfig.operatorAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString("{\"rate\":" + rate + "}")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " -> " + response.statusCode() + " " + response.body()
                        + (response.statusCode() == 404 ? " (is the service running with --eshop.faults.enabled=true?)" : ""));
            }
        } catch (IOException e) {
            throw new IllegalStateException(uri + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String report(String service) {
        URI uri = URI.create("http://127.0.0.1:" + ServiceSpec.byName(service).httpPort() + "/actuator/faults");
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .header("Authorization", LocalStackConfig.operatorAuthorization()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " -> " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(uri + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** point -> current rate of one service. */
    public static Map<String, Double> rates(String service) {
        return perPoint(service, RATE, Double::parseDouble);
    }

    private static Map<String, Long> counters(String service) {
        return perPoint(service, INJECTED, Long::parseLong);
    }

    /** One field of every point in a service's faults report, by point. */
    private static <T> Map<String, T> perPoint(String service, Pattern field, Function<String, T> parse) {
        Map<String, T> m = new TreeMap<>();
        Matcher e = COUNTER.matcher(report(service));
        while (e.find()) {
            Matcher f = field.matcher(e.group(2));
            if (f.find()) {
                m.put(e.group(1), parse.apply(f.group(1)));
            }
        }
        return m;
    }

    // ------------------------------------------------------------------------------------------------ counters

    /** Adds what the services injected since the last harvest to the totals (a restarted JVM counts from zero). */
    public void harvest() {
        for (String service : stack.serviceNames()) {
            harvest(service);
        }
    }

    private void harvest(String service) {
        Map<String, Long> now;
        try {
            now = counters(service);
        } catch (RuntimeException e) {
            return; // down: what it injected since the last harvest is lost with it
        }
        Map<String, Long> before = lastSeen.getOrDefault(service, Map.of());
        now.forEach((point, count) -> {
            long prev = before.getOrDefault(point, 0L);
            long delta = count >= prev ? count - prev : count;
            if (delta > 0) {
                injected.merge(service + " " + point, delta, Long::sum);
            }
        });
        lastSeen.put(service, now);
    }

    /** Totals since construction: "service point" -> count, and "event what" -> count. */
    public Map<String, Long> injected() {
        Map<String, Long> m = new TreeMap<>(injected);
        return m;
    }

    public List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    // ------------------------------------------------------------------------------------------------ events

    /**
     * Arms one of order-service's crash points at rate 1: the next matching transaction halts the JVM (like kill -9).
     * Waits for the crash (or kills it after {@code armFor} if no such transaction came), then restarts it.
     */
    public Event crashOrderService(String point, Duration armFor) {
        long t0 = System.currentTimeMillis();
        harvest(ServiceSpec.ORDER);
        set(ServiceSpec.ORDER, point, 1.0);
        log.accept("fault: armed " + point + " on order-service");
        long deadline = System.currentTimeMillis() + armFor.toMillis();
        boolean crashed = false;
        while (System.currentTimeMillis() < deadline) {
            if (!stack.isServiceHealthy(ServiceSpec.ORDER)) {
                crashed = true;
                break;
            }
            sleep(200);
        }
        String outcome;
        if (crashed) {
            injected.merge(ServiceSpec.ORDER + " " + point, 1L, Long::sum);
            outcome = "halted by the fault point";
        } else {
            try {
                set(ServiceSpec.ORDER, point, 0);
            } catch (RuntimeException ignored) {
                // it may be dying right now
            }
            injected.merge("kill -9 " + ServiceSpec.ORDER + " (crash point not reached)", 1L, Long::sum);
            outcome = "no matching transaction within " + armFor.toSeconds() + " s: killed with SIGKILL instead";
        }
        stack.killService(ServiceSpec.ORDER);
        restart(ServiceSpec.ORDER);
        Event e = new Event("crash order-service at " + point, t0, System.currentTimeMillis() - t0, outcome + ", restarted");
        events.add(e);
        log.accept("fault: " + e);
        return e;
    }

    /** kill -9 of a service JVM, then a restart (waits until healthy). */
    public Event killAndRestart(String service) {
        long t0 = System.currentTimeMillis();
        harvest(service);
        stack.killService(service);
        injected.merge("kill -9 " + service, 1L, Long::sum);
        restart(service);
        Event e = new Event("kill -9 " + service, t0, System.currentTimeMillis() - t0, "restarted");
        events.add(e);
        log.accept("fault: " + e);
        return e;
    }

    private void restart(String service) {
        lastSeen.remove(service);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                stack.startService(service);
                last = null;
                break;
            } catch (RuntimeException e) {
                last = e;
                log.accept("fault: restart of " + service + " failed (attempt " + attempt + "): " + e.getMessage());
                try {
                    stack.killService(service);
                } catch (RuntimeException ignored) {
                    // not running
                }
                sleep(2000);
            }
        }
        if (last != null) {
            throw last;
        }
        lastSeen.put(service, Map.of());
        try {
            applyTo(service); // a new JVM starts with every point off
        } catch (RuntimeException e) {
            log.accept("fault: cannot re-apply rates to " + service + ": " + e.getMessage());
        }
    }

    public Event restartBroker() {
        return infra("restart rocketmq broker", stack::restartBroker);
    }

    public Event restartRedis() {
        return infra("restart redis", stack::restartRedis);
    }

    public Event restartSeata() {
        return infra("restart seata-tc", stack::restartSeata);
    }

    private Event infra(String what, Runnable action) {
        long t0 = System.currentTimeMillis();
        String outcome = "ok";
        try {
            action.run();
        } catch (RuntimeException e) {
            outcome = "FAILED: " + e.getMessage();
        }
        injected.merge(what, 1L, Long::sum);
        Event e = new Event(what, t0, System.currentTimeMillis() - t0, outcome);
        events.add(e);
        log.accept("fault: " + e);
        return e;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
