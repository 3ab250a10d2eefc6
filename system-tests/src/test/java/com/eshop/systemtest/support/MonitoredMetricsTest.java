package com.eshop.systemtest.support;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoredMetricsTest {

    @Test
    void anExpressionNamesItsMetricsButNotItsFunctionsLabelsDurationsOrKeywords() {
        assertThat(MonitoredMetrics.namesIn(
                "histogram_quantile(0.99, sum by (le, source) (rate(eshop_order_timeout_lateness_seconds_bucket[15m]))) > 120"))
                .containsExactly("eshop_order_timeout_lateness_seconds_bucket");
        assertThat(MonitoredMetrics.namesIn("sum by (job, topic) (rate(eshop_mq_check_backs_total{answer=\"UNKNOW\", topic=~\"a_total|b\"}[5m])) > 0"))
                .containsExactly("eshop_mq_check_backs_total");
        assertThat(MonitoredMetrics.namesIn("sum(jvm_memory_used_bytes{area=\"heap\"}) by (job) / on (job) group_left"
                + " sum(jvm_memory_max_bytes offset 1h) by(job) and process_cpu_usage > 1e3"))
                .containsExactly("jvm_memory_max_bytes", "jvm_memory_used_bytes", "process_cpu_usage");
        assertThat(MonitoredMetrics.namesIn("up == 0")).as("Prometheus writes up itself").isEmpty();
    }

    @Test
    void theExpressionsOfRuleFilesAndDashboardsAreRead() {
        String rules = """
                groups:
                  - name: g
                    rules:
                      - alert: A
                        expr: sum(increase(a_total[10m])) > 0
                        annotations: { description: "b_total is no query" }
                      - record: job:b:rate5m
                        expr: |
                          sum by (job) (
                            rate(b_total[5m]))
                """;
        String dashboard = """
                {"panels": [
                  {"type": "row", "panels": [{"targets": [{"refId": "A", "expr": "c_seconds_bucket"}]}]},
                  {"type": "timeseries", "targets": [{"refId": "A", "expr": "rate(d_total{x=\\"y\\"}[$__rate_interval])"}, {"refId": "B"}]}
                ]}
                """;

        assertThat(MonitoredMetrics.ruleExpressions(rules)).hasSize(2);
        assertThat(MonitoredMetrics.ruleExpressions(rules).stream().flatMap(e -> MonitoredMetrics.namesIn(e).stream()))
                .containsExactly("a_total", "b_total");
        assertThat(MonitoredMetrics.dashboardExpressions(dashboard).stream().flatMap(e -> MonitoredMetrics.namesIn(e).stream()))
                .containsExactly("c_seconds_bucket", "d_total");
    }

    @Test
    void aMetricNoScrapeExportsIsReportedMissing() {
        String order = """
                # HELP jvm_gc_overhead An approximation of the percent of CPU time used by GC activities
                # TYPE jvm_gc_overhead gauge
                eshop_mq_dead_letters_total{group="g"} 0.0
                eshop_order_cancel_to_refund_seconds_bucket{le="1.0"} 0
                """;
        String pay = "process_cpu_usage 0.01\n";

        Set<String> missing = MonitoredMetrics.missing(List.of("eshop_mq_dead_letters_total",
                "eshop_order_cancel_to_refund_seconds_bucket", "process_cpu_usage", "jvm_gc_overhead", "eshop_lock_busy_total"),
                List.of(order, pay));

        assertThat(missing).as("a HELP line is no export").containsExactly("eshop_lock_busy_total", "jvm_gc_overhead");
    }
}
