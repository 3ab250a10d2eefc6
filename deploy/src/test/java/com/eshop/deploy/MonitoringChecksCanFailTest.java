package com.eshop.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each check of {@link MonitoringChecks} reports a broken copy of the repository's own file: none of them is vacuous. */
class MonitoringChecksCanFailTest {
    private static final ComposeChecks.Compose COMPOSE =
            ComposeChecks.Compose.parse(MonitoringFilesTest.read(MonitoringFilesTest.COMPOSE_FILE));
    private static final String PROMETHEUS = MonitoringFilesTest.read(MonitoringFilesTest.PROMETHEUS_CONFIG);
    private static final String ALERTS = MonitoringFilesTest.read(MonitoringFilesTest.ALERTS);
    private static final String RUNBOOKS = MonitoringFilesTest.read(MonitoringChecks.RUNBOOK_DOC);
    private static final String DASHBOARD = MonitoringFilesTest.read(MonitoringFilesTest.DASHBOARD);

    @Test
    void aMissingServiceAWrongPortAWrongPathAndAStrangeHostAreReported() {
        String broken = replaceOnce(PROMETHEUS, "port: 18080", "port: 18099")
                .replaceFirst("(?s)  - job_name: pay-service\n.*?refresh_interval: 30s\n", "")
                .replaceFirst("(?s)(job_name: fulfill-service\n    metrics_path: )/actuator/prometheus", "$1/metrics")
                + "  - job_name: ghost\n    metrics_path: /actuator/prometheus\n    static_configs:\n      - targets: [\"ghost-service:1\"]\n";

        List<String> problems = MonitoringChecks.prometheusScrapesEveryService(COMPOSE, MonitoringChecks.parseYaml(broken));

        assertReported(problems, "service pay-service has no scrape job");
        assertReported(problems, "scrape job order-service scrapes [order-service:18099] but order-service listens on order-service:18080");
        assertReported(problems, "scrape job fulfill-service reads /metrics");
        assertReported(problems, "scrape job ghost scrapes ghost-service:1, but ghost-service is no service");
        assertEquals(4, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void aRuleFileThatIsNotThereIsReported() {
        Map<String, Object> broken = MonitoringChecks.parseYaml(replaceOnce(PROMETHEUS, "  - alerts.yml", "  - alert.yml"));

        assertReported(MonitoringChecks.ruleFilesExist(broken, Set.of("prometheus.yml", "alerts.yml")),
                "prometheus.yml names the rule file alert.yml, which is not in deploy/prometheus");
        assertReported(MonitoringChecks.ruleFilesExist(Map.of(), Set.of("alerts.yml")), "prometheus.yml names no rule_files");
    }

    @Test
    void anAlertWithoutSeverityAnnotationOrRunbookSectionIsReported() {
        String broken = replaceOnce(ALERTS, "          runbook_url: docs/operations.md#eshoplockbusy\n", "")
                .replace("runbook_url: docs/operations.md#eshopcheckbacksunknown", "runbook_url: docs/operations.md#check-backs")
                .replaceFirst("(alert: EshopServiceDown\n(?:.*\n){3}\\s+severity: )critical", "$1page")
                .replaceFirst("(alert: EshopDeadLettersWaiting\n(?:.*\n){5}) +summary: .*\n", "$1")
                .replace("alert: EshopReconciliationFailures", "alert: EshopReconciliationRedrives");

        List<String> problems = MonitoringChecks.everyAlertIsExplainedAndHasARunbook(MonitoringChecks.parseYaml(broken), RUNBOOKS);

        assertReported(problems, "alert EshopLockBusy has no runbook_url annotation");
        assertReported(problems, "alert EshopCheckBacksUnknown points its runbook_url to docs/operations.md#check-backs");
        assertReported(problems, "alert EshopServiceDown has severity page");
        assertReported(problems, "alert EshopDeadLettersWaiting has no summary annotation");
        assertReported(problems, "alert EshopReconciliationRedrives is defined twice");
        assertEquals(5, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void headingsGetTheAnchorsAMarkdownRendererGivesThem() {
        assertEquals(Set.of("eshoplockbusy", "alerts-and-what-to-do", "opening-grafana-and-prometheus"),
                MonitoringChecks.headingAnchors("### EshopLockBusy\ntext\n## Alerts and what to do\n# Opening Grafana, and Prometheus\n"));
    }

    @Test
    void aPanelWithoutDatasourceOrQueryAndADashboardThatIsNoJsonAreReported() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode dashboard = (ObjectNode) json.readTree(DASHBOARD);
        ObjectNode heap = panel(dashboard, "Heap used and max");
        heap.remove("datasource");
        ObjectNode cancels = panel(dashboard, "Cancels by type and outcome");
        ((ObjectNode) cancels.path("targets").get(0)).put("expr", "");
        ObjectNode locks = panel(dashboard, "Lock busy");
        ((ObjectNode) locks.path("targets").get(0).path("datasource")).put("uid", "elsewhere");
        Set<String> uids = Set.of("eshop-prometheus");

        List<String> problems = MonitoringChecks.dashboardPanelsQueryAProvisionedDatasource(json.writeValueAsString(dashboard), uids);

        assertReported(problems, "panel \"Heap used and max\" has no data source");
        assertReported(problems, "panel \"Cancels by type and outcome\" has a target (refId A) without expr");
        assertReported(problems, "panel \"Lock busy\" queries the data source elsewhere in target A");
        assertEquals(3, problems.size(), () -> String.join("\n", problems));
        assertReported(MonitoringChecks.dashboardPanelsQueryAProvisionedDatasource(DASHBOARD.substring(0, DASHBOARD.length() / 2), uids),
                "the dashboard is no valid JSON");
    }

    @Test
    void grafanaReadingDashboardsOrADataSourceElsewhereIsReported() {
        Map<String, Object> datasources = MonitoringChecks.parseYaml(replaceOnce(
                MonitoringFilesTest.read(MonitoringFilesTest.DATASOURCES), "http://prometheus:9090", "http://prom:9090"));
        Map<String, Object> providers = MonitoringChecks.parseYaml(replaceOnce(
                MonitoringFilesTest.read(MonitoringFilesTest.DASHBOARD_PROVIDERS), "path: /etc/grafana/dashboards", "path: /var/lib/grafana/dashboards"));

        List<String> problems = MonitoringChecks.grafanaProvisioningMatchesCompose(COMPOSE, datasources, providers,
                MonitoringFilesTest.DASHBOARDS_MOUNT_TARGET);

        assertReported(problems, "dashboard provider eshop reads /var/lib/grafana/dashboards, but compose mounts the dashboards at /etc/grafana/dashboards");
        assertReported(problems, "data source Prometheus reads http://prom:9090, which is no service");
        assertEquals(2, problems.size(), () -> String.join("\n", problems));
    }

    @Test
    void monitoringFilesThatAreNotMountedAreReported() {
        ComposeChecks.Compose broken = ComposeChecks.Compose.parse(replaceOnce(
                MonitoringFilesTest.read(MonitoringFilesTest.COMPOSE_FILE), "      - ./deploy/prometheus:/etc/prometheus:ro\n", ""));

        List<String> problems = MonitoringChecks.monitoringFilesAreMounted(broken, MonitoringFilesTest.MOUNTS);

        assertReported(problems, "service prometheus does not mount ./deploy/prometheus at /etc/prometheus");
        assertEquals(1, problems.size(), () -> String.join("\n", problems));
    }

    private static ObjectNode panel(ObjectNode dashboard, String title) {
        for (var panel : dashboard.path("panels")) {
            if (panel.path("title").asText().equals(title)) {
                return (ObjectNode) panel;
            }
        }
        throw new AssertionError("no panel " + title + " in " + MonitoringFilesTest.DASHBOARD);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertTrue(text.contains(target), () -> "the file no longer contains \"" + target + "\": update this test");
        return text.replace(target, replacement);
    }

    private static void assertReported(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)),
                () -> "expected a problem starting with \"" + expected + "\", got:\n  " + String.join("\n  ", problems));
    }
}
