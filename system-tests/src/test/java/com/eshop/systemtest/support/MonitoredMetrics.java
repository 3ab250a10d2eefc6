package com.eshop.systemtest.support;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the monitoring queries (the exprs of deploy/prometheus/alerts.yml and of the Grafana dashboard's
 * panels) and which of them no service exports. PromQL is read minimally: strings, label matchers, range and
 * subquery selectors and the label lists of {@code by}, {@code without}, {@code on}, {@code ignoring} and the group
 * modifiers are dropped; every identifier left that is not a function or aggregation (followed by '('), a keyword
 * or a name Prometheus makes itself ({@code up}) is a metric name.
 */
public final class MonitoredMetrics {
    /** Series Prometheus writes itself for each scrape: no service exports them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** An identifier not inside another word or number, and whether a '(' follows it. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    /** A sample line of the Prometheus text format: its metric name. */
    private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private MonitoredMetrics() {
    }

    /** The metric names one PromQL expression reads. */
    public static Set<String> namesIn(String promql) {
        String stripped = STRING.matcher(promql).replaceAll(" ");
        stripped = LABEL_MATCHERS.matcher(stripped).replaceAll(" ");
        stripped = RANGE.matcher(stripped).replaceAll(" ");
        stripped = LABEL_LIST.matcher(stripped).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group(1);
            boolean called = identifier.group(2) != null;
            if (!called && !KEYWORDS.contains(name.toLowerCase()) && !PROMETHEUS_OWN.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The expr of every rule of a Prometheus rule file. */
    @SuppressWarnings("unchecked")
    public static List<String> ruleExpressions(String rulesYaml) {
        Map<String, Object> rules = new Yaml(new SafeConstructor(new LoaderOptions())).load(rulesYaml);
        List<String> expressions = new ArrayList<>();
        for (Object group : (List<Object>) rules.getOrDefault("groups", List.of())) {
            for (Object rule : (List<Object>) ((Map<String, Object>) group).getOrDefault("rules", List.of())) {
                Object expr = ((Map<String, Object>) rule).get("expr");
                if (expr != null) {
                    expressions.add(String.valueOf(expr));
                }
            }
        }
        return expressions;
    }

    /** The expr of every query of every panel of a Grafana dashboard, those of panels inside rows too. */
    public static List<String> dashboardExpressions(String dashboardJson) {
        List<String> expressions = new ArrayList<>();
        collectExpressions(JSON.parseObject(dashboardJson).getJSONArray("panels"), expressions);
        return expressions;
    }

    private static void collectExpressions(JSONArray panels, List<String> into) {
        if (panels == null) {
            return;
        }
        for (int i = 0; i < panels.size(); i++) {
            JSONObject panel = panels.getJSONObject(i);
            JSONArray targets = panel.getJSONArray("targets");
            if (targets != null) {
                for (int t = 0; t < targets.size(); t++) {
                    String expr = targets.getJSONObject(t).getString("expr");
                    if (expr != null) {
                        into.add(expr);
                    }
                }
            }
            collectExpressions(panel.getJSONArray("panels"), into);
        }
    }

    /** The metric names of a scrape in the Prometheus text format (every sample line's name: _bucket, _total...). */
    public static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        SAMPLE_NAME.matcher(exposition).results().forEach(sample -> names.add(sample.group(1)));
        return names;
    }

    /** The names of {@code used} that none of the scrapes exports. */
    public static Set<String> missing(Collection<String> used, Collection<String> scrapes) {
        Set<String> exported = new TreeSet<>();
        scrapes.forEach(scrape -> exported.addAll(exported(scrape)));
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        return missing;
    }
}
