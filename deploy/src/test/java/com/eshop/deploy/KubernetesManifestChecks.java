package com.eshop.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules the Kubernetes manifests (deploy/k8s: a Kustomize base and an overlay) must keep to run the services as
 * their configuration says: every service deployed, ports and probe paths as configured, a grace period that covers
 * the shutdown, every environment variable the configuration requires, secrets only from the Secret and only keys it
 * has. No kustomize or kubectl: the YAML is read as it is written. Each check returns its problems, one sentence each
 * naming the resource and the fix; empty when the rule holds.
 */
final class KubernetesManifestChecks {

    static final String LIVENESS_PATH = "/actuator/health/liveness";
    static final String READINESS_PATH = "/actuator/health/readiness";
    /** Where every service's shared configuration lives (imported by each application.yml; it wins over it). */
    static final String SHARED_CONFIG = "common-support/src/main/resources/eshop-defaults.yml";

    /**
     * The addresses of servers the profile a Deployment activates names by compose service name: the ConfigMap the
     * pods read (envFrom) must override each, by the environment variable Spring Boot binds to the property.
     */
    static final List<String> INFRASTRUCTURE_ADDRESS_PROPERTIES = List.of("eshop.mysql.host", "eshop.mysql.port",
            "eshop.redis.host", "eshop.redis.port", "eshop.registry-address", "spring.cloud.nacos.config.server-addr",
            "eshop.rocketmq.name-server", "eshop.seata-server", "xxl.job.admin.addresses");

    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|CREDENTIAL|API_?KEY).*");
    /** {@code ${NAME}} or {@code ${NAME:}} (empty default) of an environment variable: the service needs it set. */
    private static final Pattern REQUIRED_ENVIRONMENT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:)?}");
    private static final Pattern ENV_FILE_ASSIGNMENT = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.-]*)=(.*)");

    private KubernetesManifestChecks() {
    }

    /** The manifests of a base and the Secret its overlay generates. */
    record Manifests(List<Map<String, Object>> resources, List<String> resourceFiles, Path baseDir,
                     Map<String, Map<String, String>> configMaps, Map<String, Set<String>> secretKeys) {

        /**
         * Reads {@code base}'s kustomization (its resources and configMapGenerator env files) and the secretGenerator of
         * {@code overlay}, whose env files are git-ignored: their keys are read from {@code <file>.example}.
         */
        @SuppressWarnings("unchecked")
        static Manifests load(Path base, Path overlay) {
            Map<String, Object> kustomization = loadYaml(base.resolve("kustomization.yaml"));
            List<String> files = strings(kustomization.get("resources"));
            List<Map<String, Object>> resources = new ArrayList<>();
            for (String file : files) {
                Path path = base.resolve(file);
                if (!Files.isRegularFile(path)) {
                    continue;
                }
                for (Object document : yaml().loadAll(ComposeChecks.readString(path))) {
                    if (document instanceof Map<?, ?> resource) {
                        resources.add((Map<String, Object>) resource);
                    }
                }
            }
            Map<String, Map<String, String>> configMaps = new TreeMap<>();
            for (Map<String, Object> generator : maps(kustomization.get("configMapGenerator"))) {
                Map<String, String> entries = new LinkedHashMap<>();
                strings(generator.get("envs")).forEach(envs -> entries.putAll(envFile(base.resolve(envs))));
                configMaps.put(String.valueOf(generator.get("name")), entries);
            }
            Map<String, Set<String>> secretKeys = new TreeMap<>();
            for (Map<String, Object> generator : maps(loadYaml(overlay.resolve("kustomization.yaml")).get("secretGenerator"))) {
                Set<String> keys = new TreeSet<>();
                strings(generator.get("envs")).forEach(envs -> keys.addAll(envFile(overlay.resolve(envs + ".example")).keySet()));
                secretKeys.put(String.valueOf(generator.get("name")), keys);
            }
            return new Manifests(resources, files, base, configMaps, secretKeys);
        }

        List<Map<String, Object>> ofKind(String kind) {
            return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream().filter(r -> name.equals(name(r))).findFirst().orElse(null);
        }
    }

    // ---- completeness -------------------------------------------------------------------------------------------

    /** The kustomization lists every manifest of the base directory, and every file it lists exists. */
    static List<String> kustomizationListsEveryManifest(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.list(manifests.baseDir())) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                    .forEach(onDisk::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        onDisk.stream().filter(f -> !manifests.resourceFiles().contains(f)).forEach(f -> problems.add(f
                + " is not in kustomization.yaml's resources: add it, or kustomize leaves it out"));
        manifests.resourceFiles().stream().filter(f -> !onDisk.contains(f)).forEach(f -> problems.add(
                "kustomization.yaml lists " + f + ", which does not exist: remove it or add the file"));
        return problems;
    }

    /**
     * Each service module has a Deployment, a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler of its name
     * (the services keep no state of their own: their data is in MySQL, Redis and the broker), and nothing is
     * deployed that is no module.
     */
    static List<String> everyServiceIsDeployed(Manifests manifests, List<String> modules) {
        List<String> problems = new ArrayList<>();
        for (String module : modules) {
            for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
                if (manifests.named(kind, module) == null) {
                    problems.add(module + " has no " + kind + " named " + module + ": add it (see the other services'"
                            + " manifests)");
                }
            }
        }
        manifests.ofKind("Deployment").stream().map(KubernetesManifestChecks::name)
                .filter(name -> !modules.contains(name))
                .forEach(name -> problems.add("Deployment " + name + " is no service module (" + modules + "):"
                        + " name it after its module, or remove it"));
        return problems;
    }

    // ---- ports and probes -----------------------------------------------------------------------------------------

    /**
     * The container declares {@code server.port} as port {@code http}, {@code dubbo.protocol.port} as {@code dubbo}
     * and, where configured, {@code xxl.job.executor.port} as {@code xxl-job}, as the service's configuration says for
     * the profiles the Deployment activates; the Service exposes each by its name.
     */
    static List<String> portsMatchTheServicesConfiguration(Manifests manifests, Path projectDir) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> container = firstContainer(deployment);
            Map<String, String> config = serviceConfig(projectDir, name, activeProfiles(container));
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("http", config.get("server.port"));
            expected.put("dubbo", config.get("dubbo.protocol.port"));
            if (config.containsKey("xxl.job.executor.port")) {
                expected.put("xxl-job", config.get("xxl.job.executor.port"));
            }
            Map<String, String> declared = containerPorts(container);
            expected.forEach((portName, port) -> {
                if (port == null) {
                    problems.add("Deployment " + name + ": " + name + " configures no port for " + portName);
                } else if (!port.equals(declared.get(portName))) {
                    problems.add("Deployment " + name + " declares container port " + portName + " as "
                            + declared.get(portName) + " but " + name + " listens on " + port + ": declare { name: "
                            + portName + ", containerPort: " + port + " }");
                }
            });
            declared.keySet().stream().filter(portName -> !expected.containsKey(portName)).forEach(portName ->
                    problems.add("Deployment " + name + " declares port " + portName + ", which " + name
                            + " does not configure: remove it"));
            Map<String, Object> service = manifests.named("Service", name);
            if (service == null) {
                continue;
            }
            Set<String> targets = new LinkedHashSet<>();
            for (Map<String, Object> port : maps(path(service, "spec", "ports"))) {
                String target = String.valueOf(Objects.requireNonNullElse(port.get("targetPort"), port.get("port")));
                targets.add(target);
                if (!declared.containsKey(target) && !declared.containsValue(target)) {
                    problems.add("Service " + name + " targets port " + target + ", which the container does not"
                            + " declare: target one of " + declared.keySet());
                }
            }
            expected.keySet().stream().filter(portName -> !targets.contains(portName)
                            && !targets.contains(expected.get(portName)))
                    .forEach(portName -> problems.add("Service " + name + " does not expose port " + portName
                            + ": add { name: " + portName + ", port: " + expected.get(portName) + ", targetPort: "
                            + portName + " }"));
        }
        return problems;
    }

    /**
     * Liveness asks {@value #LIVENESS_PATH} (the JVM only), readiness {@value #READINESS_PATH} (providers
     * registered, servers reachable), a startup probe guards the slow start, all on the HTTP port; the shared
     * configuration enables the probe groups.
     */
    static List<String> probesAskTheHealthGroups(Manifests manifests, Path projectDir) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> container = firstContainer(deployment);
            Map<String, String> config = serviceConfig(projectDir, name, activeProfiles(container));
            if (!"true".equals(config.get("management.endpoint.health.probes.enabled"))) {
                problems.add(name + "'s configuration does not enable management.endpoint.health.probes.enabled: the"
                        + " probe paths would answer 404");
            }
            Map<String, String> expectedPaths = Map.of("livenessProbe", LIVENESS_PATH, "readinessProbe", READINESS_PATH,
                    "startupProbe", LIVENESS_PATH);
            new TreeMap<>(expectedPaths).forEach((probe, expectedPath) -> {
                Object httpGet = path(container, probe, "httpGet");
                if (!(httpGet instanceof Map<?, ?> get)) {
                    problems.add("Deployment " + name + " has no " + probe + " with httpGet: ask " + expectedPath
                            + " on port http");
                    return;
                }
                if (!expectedPath.equals(get.get("path"))) {
                    problems.add("Deployment " + name + "'s " + probe + " asks " + get.get("path") + ": ask " + expectedPath);
                }
                String port = String.valueOf(get.get("port"));
                if (!port.equals("http") && !port.equals(config.get("server.port"))) {
                    problems.add("Deployment " + name + "'s " + probe + " asks port " + port + ": ask port http");
                }
            });
        }
        return problems;
    }

    // ---- shutdown ---------------------------------------------------------------------------------------------------

    /**
     * {@code terminationGracePeriodSeconds} covers the preStop sleep, Dubbo's {@code dubbo.application.shutwait}
     * (it unregisters, then waits for calls in flight) and Spring's {@code spring.lifecycle.timeout-per-shutdown-phase}
     * (the web server's graceful shutdown): the kubelet kills whatever still runs after it.
     */
    static List<String> gracePeriodCoversTheShutdown(Manifests manifests, Path projectDir) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> container = firstContainer(deployment);
            Map<String, String> config = serviceConfig(projectDir, name, activeProfiles(container));
            Object grace = path(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds");
            if (grace == null) {
                problems.add("Deployment " + name + " sets no terminationGracePeriodSeconds: the default 30 s is"
                        + " shorter than the service's shutdown");
                continue;
            }
            String shutwait = config.get("dubbo.application.shutwait");
            String phase = config.get("spring.lifecycle.timeout-per-shutdown-phase");
            if (shutwait == null || phase == null) {
                problems.add(name + "'s configuration sets no dubbo.application.shutwait or"
                        + " spring.lifecycle.timeout-per-shutdown-phase: set both in " + SHARED_CONFIG);
                continue;
            }
            long needed = preStopSleepSeconds(container) + Long.parseLong(shutwait.trim()) / 1000
                    + springDuration(phase).toSeconds();
            if (Long.parseLong(String.valueOf(grace)) < needed) {
                problems.add("Deployment " + name + "'s terminationGracePeriodSeconds " + grace + " is shorter than its"
                        + " shutdown: preStop " + preStopSleepSeconds(container) + " s + dubbo.application.shutwait "
                        + shutwait + " ms + spring.lifecycle.timeout-per-shutdown-phase " + phase + " = " + needed
                        + " s; raise it to at least that");
            }
        }
        return problems;
    }

    // ---- environment and secrets ----------------------------------------------------------------------------------

    /**
     * Every environment variable the service's configuration requires ({@code ${NAME}} or {@code ${NAME:}} in
     * application.yml and the shared configuration, for the profiles the Deployment activates) is set, by the
     * container's env or the ConfigMap it reads; a credential comes from a Secret (secretKeyRef), never a value; and
     * the ConfigMap overrides each infrastructure address the profile names.
     */
    static List<String> environmentCoversWhatTheServiceRequires(Manifests manifests, Path projectDir) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> container = firstContainer(deployment);
            List<String> profiles = activeProfiles(container);
            Map<String, String> config = serviceConfig(projectDir, name, profiles);
            Set<String> provided = new TreeSet<>();
            for (Map<String, Object> variable : maps(container.get("env"))) {
                String variableName = String.valueOf(variable.get("name"));
                provided.add(variableName);
                if (CREDENTIAL_NAME.matcher(variableName).matches() && path(variable, "valueFrom", "secretKeyRef") == null) {
                    problems.add("Deployment " + name + " sets the credential " + variableName + " without a Secret:"
                            + " take it from valueFrom.secretKeyRef of eshop-secrets");
                }
            }
            Map<String, String> fromConfigMaps = new TreeMap<>();
            for (Map<String, Object> source : maps(container.get("envFrom"))) {
                Object configMap = path(source, "configMapRef", "name");
                if (configMap != null) {
                    Map<String, String> entries = manifests.configMaps().get(String.valueOf(configMap));
                    if (entries == null) {
                        problems.add("Deployment " + name + " reads ConfigMap " + configMap + ", which the"
                                + " kustomization does not generate: add it to configMapGenerator");
                    } else {
                        fromConfigMaps.putAll(entries);
                    }
                }
            }
            provided.addAll(fromConfigMaps.keySet());
            for (String required : requiredEnvironment(config)) {
                if (!provided.contains(required)) {
                    problems.add("Deployment " + name + " does not set " + required + ", which " + name + "'s"
                            + " configuration requires: add it to env (a credential from secretKeyRef) or to the"
                            + " ConfigMap eshop-infrastructure");
                }
            }
            for (String property : INFRASTRUCTURE_ADDRESS_PROPERTIES) {
                String variable = environmentVariableOf(property);
                if (config.containsKey(property) && (fromConfigMaps.get(variable) == null || fromConfigMaps.get(variable).isBlank())) {
                    problems.add("Deployment " + name + " leaves " + property + " at the profile's " + config.get(property)
                            + ": set " + variable + " in the ConfigMap eshop-infrastructure");
                }
            }
        }
        return problems;
    }

    /**
     * Every secretKeyRef names the Secret the overlay generates and one of its keys, and every key of the Secret is
     * used by some container (a key nobody reads is a secret handed out for nothing, or a misspelt reference).
     */
    static List<String> secretReferencesExist(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Set<String> referenced = new TreeSet<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            for (Map<String, Object> variable : maps(firstContainer(deployment).get("env"))) {
                if (!(path(variable, "valueFrom", "secretKeyRef") instanceof Map<?, ?> reference)) {
                    continue;
                }
                String secret = String.valueOf(reference.get("name"));
                String key = String.valueOf(reference.get("key"));
                referenced.add(secret + "/" + key);
                Set<String> keys = manifests.secretKeys().get(secret);
                if (keys == null) {
                    problems.add("Deployment " + name(deployment) + " reads Secret " + secret + ", which the overlay does"
                            + " not generate (generated: " + manifests.secretKeys().keySet() + ")");
                } else if (!keys.contains(key)) {
                    problems.add("Deployment " + name(deployment) + " reads key " + key + " of Secret " + secret
                            + ", which it does not have: add " + key + "= to the overlay's secrets.env.example (and"
                            + " secrets.env), or fix the key");
                }
            }
        }
        manifests.secretKeys().forEach((secret, keys) -> keys.stream()
                .filter(key -> !referenced.contains(secret + "/" + key))
                .forEach(key -> problems.add("Secret " + secret + " has key " + key + ", which no Deployment reads:"
                        + " remove it from secrets.env.example")));
        return problems;
    }

    // ---- pods -----------------------------------------------------------------------------------------------------

    /**
     * Pods run as a non-root user without privilege escalation, with CPU and memory requests and a memory limit
     * (the JVM sizes its heap from it), from an image with a pinned tag.
     */
    static List<String> podsRunAsNonRootWithinLimits(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> container = firstContainer(deployment);
            Object podNonRoot = path(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot");
            Object containerNonRoot = path(container, "securityContext", "runAsNonRoot");
            if (!Boolean.TRUE.equals(containerNonRoot) && !(Boolean.TRUE.equals(podNonRoot) && containerNonRoot == null)) {
                problems.add("Deployment " + name + " may run as root: set securityContext.runAsNonRoot: true");
            }
            if (!Boolean.FALSE.equals(path(container, "securityContext", "allowPrivilegeEscalation"))) {
                problems.add("Deployment " + name + "'s container may escalate privileges: set"
                        + " securityContext.allowPrivilegeEscalation: false");
            }
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                String[] parts = resource.split("\\.");
                if (path(container, "resources", parts[0], parts[1]) == null) {
                    problems.add("Deployment " + name + " sets no resources." + resource + ": set it");
                }
            }
            String image = String.valueOf(container.get("image"));
            if (!ComposeChecks.pinned(image)) {
                problems.add("Deployment " + name + " uses image " + image + " without a pinned tag: name a version");
            }
        }
        return problems;
    }

    /**
     * The Service, PodDisruptionBudget and autoscaler of a service reach its pods: selectors match the pod template's
     * labels, the autoscaler scales the Deployment and keeps at least two replicas, so that the budget (one
     * available) lets a node drain.
     */
    static List<String> companionsTargetTheirDeployment(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : manifests.ofKind("Deployment")) {
            String name = name(deployment);
            Map<String, Object> podLabels = mapOf(path(deployment, "spec", "template", "metadata", "labels"));
            Map<String, Object> selector = mapOf(path(deployment, "spec", "selector", "matchLabels"));
            if (selector.isEmpty() || !matches(selector, podLabels)) {
                problems.add("Deployment " + name + "'s selector " + selector + " does not match its pod labels " + podLabels);
            }
            Map<String, Object> service = manifests.named("Service", name);
            if (service != null && !matches(mapOf(path(service, "spec", "selector")), podLabels)) {
                problems.add("Service " + name + "'s selector " + path(service, "spec", "selector")
                        + " does not match the pods of Deployment " + name + " " + podLabels);
            }
            Map<String, Object> budget = manifests.named("PodDisruptionBudget", name);
            if (budget != null && !matches(mapOf(path(budget, "spec", "selector", "matchLabels")), podLabels)) {
                problems.add("PodDisruptionBudget " + name + "'s selector does not match the pods of Deployment " + name);
            }
            Map<String, Object> autoscaler = manifests.named("HorizontalPodAutoscaler", name);
            if (autoscaler != null) {
                Map<String, Object> target = mapOf(path(autoscaler, "spec", "scaleTargetRef"));
                if (!"Deployment".equals(target.get("kind")) || !name.equals(target.get("name"))) {
                    problems.add("HorizontalPodAutoscaler " + name + " scales " + target + ": scale Deployment " + name);
                }
                Object minReplicas = path(autoscaler, "spec", "minReplicas");
                if (minReplicas == null || Integer.parseInt(String.valueOf(minReplicas)) < 2) {
                    problems.add("HorizontalPodAutoscaler " + name + " keeps " + Objects.requireNonNullElse(minReplicas, 1)
                            + " replica(s): set minReplicas: 2, or the PodDisruptionBudget blocks every node drain");
                }
            }
        }
        return problems;
    }

    // ---- the services' configuration ------------------------------------------------------------------------------

    /** The service modules: directories {@code *-service} with a {@code src/main/resources/application.yml}. */
    static List<String> serviceModules(Path projectDir) {
        try (Stream<Path> dirs = Files.list(projectDir)) {
            return dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.yml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module's application.yml, then the shared configuration it imports (imported values win), for the profiles. */
    static Map<String, String> serviceConfig(Path projectDir, String module, List<String> profiles) {
        return ComposeChecks.springConfig(List.of(projectDir.resolve(module).resolve("src/main/resources/application.yml"),
                projectDir.resolve(SHARED_CONFIG)), profiles);
    }

    /** Environment variables the configuration reads without a default (or with an empty one). */
    static Set<String> requiredEnvironment(Map<String, String> config) {
        Set<String> required = new TreeSet<>();
        for (String value : config.values()) {
            Matcher placeholder = REQUIRED_ENVIRONMENT_PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                required.add(placeholder.group(1));
            }
        }
        return required;
    }

    /** The environment variable Spring Boot binds to a property: upper case, dots to underscores, dashes dropped. */
    static String environmentVariableOf(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase();
    }

    /** Spring's duration forms: {@code 20s}, {@code 500ms}, {@code 1m}, ISO-8601, or plain milliseconds. */
    static Duration springDuration(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            return Duration.parse(trimmed);
        }
        Matcher simple = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)?").matcher(trimmed);
        if (!simple.matches()) {
            throw new IllegalArgumentException("not a duration: " + value);
        }
        long amount = Long.parseLong(simple.group(1));
        return switch (Objects.requireNonNullElse(simple.group(2), "ms")) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    // ---- reading the model ----------------------------------------------------------------------------------------

    private static long preStopSleepSeconds(Map<String, Object> container) {
        Object sleep = path(container, "lifecycle", "preStop", "sleep", "seconds");
        if (sleep != null) {
            return Long.parseLong(String.valueOf(sleep));
        }
        List<String> command = strings(path(container, "lifecycle", "preStop", "exec", "command"));
        Matcher seconds = Pattern.compile("(?:^|\\s)sleep\\s+(\\d+)").matcher(String.join(" ", command));
        return seconds.find() ? Long.parseLong(seconds.group(1)) : 0;
    }

    private static List<String> activeProfiles(Map<String, Object> container) {
        for (Map<String, Object> variable : maps(container.get("env"))) {
            if ("SPRING_PROFILES_ACTIVE".equals(variable.get("name")) && variable.get("value") != null) {
                return List.of(String.valueOf(variable.get("value")).split("\\s*,\\s*"));
            }
        }
        return List.of();
    }

    private static Map<String, String> containerPorts(Map<String, Object> container) {
        Map<String, String> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : maps(container.get("ports"))) {
            ports.put(String.valueOf(port.get("name")), String.valueOf(port.get("containerPort")));
        }
        return ports;
    }

    private static Map<String, Object> firstContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = maps(path(deployment, "spec", "template", "spec", "containers"));
        return containers.isEmpty() ? Map.of() : containers.get(0);
    }

    private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(String.valueOf(e.getValue()), String.valueOf(labels.get(e.getKey()))));
    }

    static String name(Map<String, Object> resource) {
        return String.valueOf(path(resource, "metadata", "name"));
    }

    private static Object path(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object node) {
        if (!(node instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    private static List<String> strings(Object node) {
        return node instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Map<String, String> envFile(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        for (String line : ComposeChecks.readString(file).lines().toList()) {
            Matcher assignment = ENV_FILE_ASSIGNMENT.matcher(line);
            if (!line.trim().startsWith("#") && assignment.matches()) {
                entries.put(assignment.group(1), assignment.group(2).trim());
            }
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadYaml(Path file) {
        Object document = yaml().load(ComposeChecks.readString(file));
        return document instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
