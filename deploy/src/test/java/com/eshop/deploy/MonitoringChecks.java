package com.eshop.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules the monitoring files keep (deploy/prometheus, deploy/grafana, docs/operations.md): Prometheus scrapes
 * every service of the compose file where it listens, every alert tells its severity, what happened and where its
 * runbook is, every dashboard panel asks a provisioned data source. Like {@link ComposeChecks}, each check returns
 * its problems, one sentence each naming the fix; empty when the rule holds.
 */
final class MonitoringChecks {
    static final String METRICS_PATH = "/actuator/prometheus";
    static final Set<String> SEVERITIES = Set.of("critical", "warning");
    static final List<String> ALERT_ANNOTATIONS = List.of("summary", "description", "runbook_url");
    /** Where a runbook_url points: a section of this file, by the anchor of its heading. */
    static final String RUNBOOK_DOC = "docs/operations.md";

    private MonitoringChecks() {
    }

    // ---- prometheus.yml -------------------------------------------------------------------------------------------

    /**
     * Every service built from a module has a scrape job of its own name that reads {@link #METRICS_PATH} at
     * {@code <service>:<SERVER_PORT>} (static target or DNS name), and no job scrapes a host the compose file lacks.
     */
    static List<String> prometheusScrapesEveryService(ComposeChecks.Compose compose, Map<String, Object> prometheus) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> targetsByJob = new TreeMap<>();
        for (Map<String, Object> job : maps(prometheus.get("scrape_configs"))) {
            String name = String.valueOf(job.get("job_name"));
            Object path = job.get("metrics_path");
            if (!METRICS_PATH.equals(path)) {
                problems.add("scrape job " + name + " reads " + (path == null ? "the default /metrics" : path)
                        + ": set metrics_path: " + METRICS_PATH + " (Spring Boot's Prometheus endpoint)");
            }
            targetsByJob.put(name, targets(job));
        }
        compose.services().forEach((service, definition) -> {
            if (!isModuleService(definition)) {
                return;
            }
            String port = ComposeChecks.environment(definition).get("SERVER_PORT");
            if (port == null) {
                problems.add("service " + service + " sets no SERVER_PORT: Prometheus cannot know where to scrape it");
                return;
            }
            String expected = service + ":" + port;
            Set<String> targets = targetsByJob.get(service);
            if (targets == null) {
                problems.add("service " + service + " has no scrape job: add job_name: " + service + " with target "
                        + expected + " and metrics_path: " + METRICS_PATH);
            } else if (!targets.contains(expected)) {
                problems.add("scrape job " + service + " scrapes " + targets + " but " + service + " listens on "
                        + expected + " (SERVER_PORT in docker-compose.yml): scrape " + expected);
            }
        });
        targetsByJob.forEach((job, targets) -> targets.forEach(target -> {
            String host = target.substring(0, target.lastIndexOf(':'));
            if (!compose.services().containsKey(host)) {
                problems.add("scrape job " + job + " scrapes " + target + ", but " + host + " is no service of"
                        + " docker-compose.yml: remove the target or correct the name");
            }
        }));
        return problems;
    }

    /** Every rule file prometheus.yml names is among the files next to it. */
    static List<String> ruleFilesExist(Map<String, Object> prometheus, Set<String> filesNextToIt) {
        List<String> problems = new ArrayList<>();
        List<?> ruleFiles = prometheus.get("rule_files") instanceof List<?> list ? list : List.of();
        if (ruleFiles.isEmpty()) {
            problems.add("prometheus.yml names no rule_files: add alerts.yml, or no alert is ever evaluated");
        }
        ruleFiles.stream().map(String::valueOf).filter(file -> !filesNextToIt.contains(file)).forEach(file ->
                problems.add("prometheus.yml names the rule file " + file + ", which is not in deploy/prometheus"));
        return problems;
    }

    private static Set<String> targets(Map<String, Object> job) {
        Set<String> targets = new LinkedHashSet<>();
        for (Map<String, Object> config : maps(job.get("static_configs"))) {
            strings(config.get("targets")).forEach(targets::add);
        }
        for (Map<String, Object> config : maps(job.get("dns_sd_configs"))) {
            strings(config.get("names")).forEach(name -> targets.add(name + ":" + config.get("port")));
        }
        return targets;
    }

    // ---- alerts.yml -------------------------------------------------------------------------------------------------

    /**
     * Every alert has an expression, a severity of {@link #SEVERITIES} and the annotations of
     * {@link #ALERT_ANNOTATIONS}; its runbook_url is {@code docs/operations.md#<anchor>} of a heading there; no two
     * alerts share a name.
     */
    static List<String> everyAlertIsExplainedAndHasARunbook(Map<String, Object> alerts, String operationsDoc) {
        List<String> problems = new ArrayList<>();
        Set<String> anchors = headingAnchors(operationsDoc);
        Set<String> names = new HashSet<>();
        List<Map<String, Object>> groups = maps(alerts.get("groups"));
        if (groups.isEmpty()) {
            problems.add("alerts.yml has no rule groups");
        }
        for (Map<String, Object> group : groups) {
            for (Map<String, Object> rule : maps(group.get("rules"))) {
                if (!(rule.get("alert") instanceof String name)) {
                    continue; // a recording rule
                }
                if (!names.add(name)) {
                    problems.add("alert " + name + " is defined twice: give each rule a name of its own");
                }
                if (blank(rule.get("expr"))) {
                    problems.add("alert " + name + " has no expr");
                }
                Map<String, Object> labels = map(rule.get("labels"));
                if (!SEVERITIES.contains(String.valueOf(labels.get("severity")))) {
                    problems.add("alert " + name + " has severity " + labels.get("severity") + ": label it severity: "
                            + String.join(" or ", new TreeSet<>(SEVERITIES)));
                }
                Map<String, Object> annotations = map(rule.get("annotations"));
                for (String annotation : ALERT_ANNOTATIONS) {
                    if (blank(annotations.get(annotation))) {
                        problems.add("alert " + name + " has no " + annotation + " annotation: add it");
                    }
                }
                Object runbook = annotations.get("runbook_url");
                if (!blank(runbook)) {
                    String url = String.valueOf(runbook);
                    String prefix = RUNBOOK_DOC + "#";
                    if (!url.startsWith(prefix) || !anchors.contains(url.substring(prefix.length()))) {
                        problems.add("alert " + name + " points its runbook_url to " + url + ", which is no section of "
                                + RUNBOOK_DOC + ": write a section there and point to " + prefix + "<its anchor>");
                    }
                }
            }
        }
        return problems;
    }

    /** The anchors a Markdown renderer gives the headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> headingAnchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : markdown.lines().toList()) {
            if (line.matches("#{1,6} .*")) {
                String heading = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    // ---- Grafana ----------------------------------------------------------------------------------------------------

    /** The uids of the data sources a Grafana datasource provisioning file creates. */
    static Set<String> provisionedDatasourceUids(Map<String, Object> provisioning) {
        Set<String> uids = new LinkedHashSet<>();
        maps(provisioning.get("datasources")).forEach(source -> {
            if (!blank(source.get("uid"))) {
                uids.add(String.valueOf(source.get("uid")));
            }
        });
        return uids;
    }

    /**
     * Grafana reads its dashboards where compose mounts them, and each provisioned data source is a service of the
     * compose file (http://prometheus:9090).
     */
    static List<String> grafanaProvisioningMatchesCompose(ComposeChecks.Compose compose, Map<String, Object> datasources,
                                                         Map<String, Object> dashboardProviders, String dashboardsMountTarget) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> provider : maps(dashboardProviders.get("providers"))) {
            Object path = map(provider.get("options")).get("path");
            if (!dashboardsMountTarget.equals(path)) {
                problems.add("dashboard provider " + provider.get("name") + " reads " + path + ", but compose mounts the"
                        + " dashboards at " + dashboardsMountTarget + ": set options.path: " + dashboardsMountTarget);
            }
        }
        for (Map<String, Object> source : maps(datasources.get("datasources"))) {
            String host = URI.create(String.valueOf(source.get("url"))).getHost();
            if (host == null || !compose.services().containsKey(host)) {
                problems.add("data source " + source.get("name") + " reads " + source.get("url") + ", which is no service"
                        + " of docker-compose.yml: point it at http://prometheus:9090");
            }
        }
        return problems;
    }

    /**
     * The dashboard is JSON with a uid; every panel (those inside rows too) names a provisioned data source and
     * has at least one query, each with an expression; no two panels share an id.
     */
    static List<String> dashboardPanelsQueryAProvisionedDatasource(String dashboardJson, Set<String> datasourceUids) {
        List<String> problems = new ArrayList<>();
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(dashboardJson);
        } catch (JsonProcessingException e) {
            problems.add("the dashboard is no valid JSON: " + e.getOriginalMessage());
            return problems;
        }
        if (blank(dashboard.path("uid").asText(null))) {
            problems.add("the dashboard has no uid: links and provisioning need a stable one");
        }
        List<JsonNode> panels = new ArrayList<>();
        collectPanels(dashboard.path("panels"), panels);
        if (panels.isEmpty()) {
            problems.add("the dashboard has no panels");
        }
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = "panel \"" + panel.path("title").asText() + "\"";
            if (!ids.add(panel.path("id").asInt(-1))) {
                problems.add(title + " has the id " + panel.path("id") + " of another panel: give it its own");
            }
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String uid = panel.path("datasource").path("uid").asText(null);
            if (uid == null || !datasourceUids.contains(uid)) {
                problems.add(title + " has " + (uid == null ? "no data source" : "the data source " + uid)
                        + ": set datasource {\"type\": \"prometheus\", \"uid\": one of " + datasourceUids + "}");
            }
            JsonNode targets = panel.path("targets");
            if (!targets.isArray() || targets.isEmpty()) {
                problems.add(title + " has no query: add a target with an expr");
            }
            for (JsonNode target : targets) {
                if (blank(target.path("expr").asText(null))) {
                    problems.add(title + " has a target (refId " + target.path("refId").asText() + ") without expr");
                }
                String targetUid = target.path("datasource").path("uid").asText(null);
                if (targetUid != null && !datasourceUids.contains(targetUid)) {
                    problems.add(title + " queries the data source " + targetUid + " in target "
                            + target.path("refId").asText() + ": use one of " + datasourceUids);
                }
            }
        }
        return problems;
    }

    private static void collectPanels(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collectPanels(panel.path("panels"), into);
        }
    }

    // ---- compose services of the monitoring -------------------------------------------------------------------------

    /** Each repository directory the monitoring needs, and the service and container path it must be mounted at. */
    record Mount(String service, String source, String target) {
    }

    static List<String> monitoringFilesAreMounted(ComposeChecks.Compose compose, List<Mount> mounts) {
        List<String> problems = new ArrayList<>();
        for (Mount mount : mounts) {
            Map<String, Object> service = compose.services().get(mount.service());
            if (service == null) {
                problems.add("docker-compose.yml has no service " + mount.service() + ": add it (docs/operations.md)");
                continue;
            }
            String expected = mount.source() + ":" + mount.target();
            boolean mounted = strings(service.get("volumes")).stream()
                    .anyMatch(volume -> volume.equals(expected) || volume.startsWith(expected + ":"));
            if (!mounted) {
                problems.add("service " + mount.service() + " does not mount " + mount.source() + " at " + mount.target()
                        + ": add the volume " + expected + ":ro");
            }
        }
        return problems;
    }

    // ---- reading ----------------------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseYaml(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return root instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static boolean isModuleService(Map<String, Object> service) {
        return service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args
                && args.get("MODULE") != null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static boolean blank(Object value) {
        return value == null || String.valueOf(value).isBlank();
    }
}
