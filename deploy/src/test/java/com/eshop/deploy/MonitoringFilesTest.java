package com.eshop.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/prometheus, deploy/grafana and docs/operations.md against docker-compose.yml and the rules of {@link MonitoringChecks}. */
class MonitoringFilesTest {
    static final Path PROJECT_DIR = projectDir();
    static final String COMPOSE_FILE = "docker-compose.yml";
    static final String PROMETHEUS_CONFIG = "deploy/prometheus/prometheus.yml";
    static final String ALERTS = "deploy/prometheus/alerts.yml";
    static final String DATASOURCES = "deploy/grafana/provisioning/datasources/prometheus.yml";
    static final String DASHBOARD_PROVIDERS = "deploy/grafana/provisioning/dashboards/eshop.yml";
    static final String DASHBOARDS_MOUNT_TARGET = "/etc/grafana/dashboards";
    static final String DASHBOARD = "deploy/grafana/dashboards/eshop.json";
    /** Where docker-compose.yml must mount the monitoring's files for the services to read them. */
    static final List<MonitoringChecks.Mount> MOUNTS = List.of(
            new MonitoringChecks.Mount("prometheus", "./deploy/prometheus", "/etc/prometheus"),
            new MonitoringChecks.Mount("grafana", "./deploy/grafana/provisioning", "/etc/grafana/provisioning"),
            new MonitoringChecks.Mount("grafana", "./deploy/grafana/dashboards", DASHBOARDS_MOUNT_TARGET));

    private static final ComposeChecks.Compose COMPOSE = ComposeChecks.Compose.parse(read(COMPOSE_FILE));
    private static final Map<String, Object> PROMETHEUS = MonitoringChecks.parseYaml(read(PROMETHEUS_CONFIG));

    @Test
    void prometheusScrapesEveryServiceOnItsPort() {
        assertNoProblems(PROMETHEUS_CONFIG, MonitoringChecks.prometheusScrapesEveryService(COMPOSE, PROMETHEUS));
    }

    @Test
    void prometheusLoadsTheAlertRules() throws IOException {
        Set<String> filesNextToIt;
        try (Stream<Path> files = Files.list(PROJECT_DIR.resolve(PROMETHEUS_CONFIG).getParent())) {
            filesNextToIt = files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        assertNoProblems(PROMETHEUS_CONFIG, MonitoringChecks.ruleFilesExist(PROMETHEUS, filesNextToIt));
    }

    @Test
    void everyAlertIsExplainedAndHasARunbook() {
        assertNoProblems(ALERTS, MonitoringChecks.everyAlertIsExplainedAndHasARunbook(
                MonitoringChecks.parseYaml(read(ALERTS)), read(MonitoringChecks.RUNBOOK_DOC)));
    }

    @Test
    void everyDashboardPanelQueriesTheProvisionedPrometheus() {
        Set<String> uids = MonitoringChecks.provisionedDatasourceUids(MonitoringChecks.parseYaml(read(DATASOURCES)));
        assertNoProblems(DASHBOARD, MonitoringChecks.dashboardPanelsQueryAProvisionedDatasource(read(DASHBOARD), uids));
    }

    @Test
    void grafanaReadsTheMountedDashboardsAndTheComposePrometheus() {
        assertNoProblems(DASHBOARD_PROVIDERS, MonitoringChecks.grafanaProvisioningMatchesCompose(COMPOSE,
                MonitoringChecks.parseYaml(read(DATASOURCES)), MonitoringChecks.parseYaml(read(DASHBOARD_PROVIDERS)),
                DASHBOARDS_MOUNT_TARGET));
    }

    @Test
    void composeMountsTheMonitoringFiles() {
        assertNoProblems(COMPOSE_FILE, MonitoringChecks.monitoringFilesAreMounted(COMPOSE, MOUNTS));
    }

    static String read(String relativePath) {
        return ComposeChecks.readString(PROJECT_DIR.resolve(relativePath));
    }

    private static void assertNoProblems(String file, List<String> problems) {
        assertTrue(problems.isEmpty(), () -> file + ":\n  " + String.join("\n  ", problems));
    }

    /** The repository root: the first directory at or above the working directory with docker-compose.yml. */
    private static Path projectDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE_FILE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + COMPOSE_FILE + " at or above " + Path.of("").toAbsolutePath());
    }
}
