package com.eshop.systemtest.operations;

import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.PrometheusScrape;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator scrapes and reads after a paid order is cancelled and refunded: the business metrics on
 * order-service's {@code /actuator/prometheus} with their tags, the endpoint on another service, and the order id
 * (and inside the cancel's global transaction, the Seata XID) in the MDC position of the services' log lines.
 */
class PrometheusMetricsIT {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final Scenario scenario = Suite.scenario();

    @Test
    void aCancelledAndRefundedOrderShowsInTheMetricsAndItsLogLinesCarryItsId() throws Exception {
        CreateOrderDTO order = scenario.paidOrderCancelledInFulfillment(TestData.nextUserWithCoupon(), "SKU-1014");

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String metrics = PrometheusScrape.of(ServiceSpec.byName(ServiceSpec.ORDER));
            assertThat(value(metrics, "eshop_order_cancels_total", Map.of("type", "user", "outcome", "cancelled"))).isPositive();
            assertThat(value(metrics, "eshop_order_cancel_to_refund_seconds_count", Map.of())).isPositive();
            assertThat(value(metrics, "eshop_mq_consumed_total",
                    Map.of("topic", "release_assets_topic", "group", "release_assets_consumer_group", "outcome", "success"))).isPositive();
            assertThat(value(metrics, "eshop_dubbo_provider_calls_seconds_count",
                    Map.of("service", "AfterSaleApi", "method", "cancelOrder", "outcome", "success"))).isPositive();
            assertThat(value(metrics, "eshop_mq_dlq_depth", Map.of("group", "release_assets_consumer_group"))).isNotNaN();
            assertThat(metrics).as("Spring Boot's own metrics stay").contains("jvm_memory_used_bytes", "hikaricp_connections");
        });
        String inventoryMetrics = PrometheusScrape.of(ServiceSpec.byName(ServiceSpec.INVENTORY));
        assertThat(value(inventoryMetrics, "eshop_mq_consumed_total",
                Map.of("topic", "cancel_release_inventory_topic", "outcome", "success"))).isPositive();

        String orderLog = Files.readString(Suite.stack().serviceLog(ServiceSpec.ORDER));
        assertThat(orderLog).as("order-service logs the cancel under the order id")
                .containsPattern(Pattern.quote("[" + order.getOrderId() + ",") + ".*cancelled");
        String fulfillLog = Files.readString(Suite.stack().serviceLog(ServiceSpec.FULFILL));
        assertThat(fulfillLog).as("fulfill-service intercepts inside the cancel's global transaction: order id and XID")
                .containsPattern(Pattern.quote("[" + order.getOrderId() + ",") + "[^\\]\\s]+].*cancelled");
    }


    /** The sum of the samples of {@code name} that carry all of {@code labels} (other labels may differ). */
    private static double value(String exposition, String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
            if (present.entrySet().containsAll(labels.entrySet())) {
                found = true;
                sum += Double.parseDouble(sample.group(3));
            }
        }
        assertThat(found).as("a sample %s%s in%n%s", name, labels, exposition.lines().filter(l -> l.startsWith("eshop_")).toList()).isTrue();
        return sum;
    }
}
