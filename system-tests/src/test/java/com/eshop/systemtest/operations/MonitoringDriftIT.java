package com.eshop.systemtest.operations;

import com.eshop.common.api.enums.OrderStatusEnum;
import com.eshop.common.api.order.CreateOrderDTO;
import com.eshop.stack.ServiceSpec;
import com.eshop.systemtest.support.MonitoredMetrics;
import com.eshop.systemtest.support.Outcomes;
import com.eshop.systemtest.support.PrometheusScrape;
import com.eshop.systemtest.support.Scenario;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static com.eshop.systemtest.support.Scenario.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring queries what the services export: after a paid order's cancel and refund and an unpaid order's
 * timeout, every metric named by an alert rule (deploy/prometheus/alerts.yml) or a dashboard panel
 * (deploy/grafana/dashboards/eshop.json) is in the {@code /actuator/prometheus} scrape of at least one service.
 * Metrics only a fault or a job run would create (dead letters, UNKNOW check-backs, lock refusals, re-drives) count
 * because the services register them at zero at start, not because this test provokes them.
 */
class MonitoringDriftIT {
    private static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    private static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/eshop.json");

    private final Scenario scenario = Suite.scenario();

    @Test
    void everyMetricTheAlertsAndTheDashboardQueryIsExportedBySomeService() throws Exception {
        Map<String, Set<String>> usedBy = usedMetrics();
        assertThat(usedBy).as("the queries were read").containsKeys(
                "eshop_mq_dead_letters_total", "eshop_order_cancel_to_refund_seconds_bucket", "eshop_lock_busy_total",
                "eshop_order_timeout_lateness_seconds_bucket", "jvm_memory_used_bytes");

        scenario.paidOrderCancelledInFulfillment(TestData.nextUserWithCoupon(), "SKU-1014");
        letAnUnpaidOrderTimeOut();

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> scrapes = new ArrayList<>();
            for (ServiceSpec service : ServiceSpec.ALL) {
                scrapes.add(PrometheusScrape.of(service));
            }
            Map<String, Set<String>> missing = new TreeMap<>();
            MonitoredMetrics.missing(usedBy.keySet(), scrapes).forEach(name -> missing.put(name, usedBy.get(name)));
            assertThat(missing).as("metrics the monitoring queries (-> the files that use them) but no service exports").isEmpty();
        });
    }

    /** Metric name -> the files whose queries use it. */
    private static Map<String, Set<String>> usedMetrics() throws Exception {
        Path repo = Suite.stack().config().repoDir();
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (String expr : MonitoredMetrics.ruleExpressions(Files.readString(repo.resolve(ALERTS)))) {
            MonitoredMetrics.namesIn(expr).forEach(name -> usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(ALERTS.toString()));
        }
        for (String expr : MonitoredMetrics.dashboardExpressions(Files.readString(repo.resolve(DASHBOARD)))) {
            MonitoredMetrics.namesIn(expr).forEach(name -> usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(DASHBOARD.toString()));
        }
        return usedBy;
    }


    private void letAnUnpaidOrderTimeOut() {
        TestData.UserCoupon user = TestData.nextUserWithCoupon();
        CreateOrderDTO order = scenario.createOrder(user.userId(), user.couponId(), items("SKU-1012", 1));

        scenario.awaitOrderStatus(order.getOrderId(), OrderStatusEnum.CANCELED, Suite.PAY_TIMEOUT.plusSeconds(15));

        Outcomes.assertFullyCancelled(scenario, order.getOrderId(), user.couponId(), 1, 0);
    }
}
