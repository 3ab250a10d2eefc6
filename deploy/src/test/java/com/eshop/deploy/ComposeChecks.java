package com.eshop.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * The rules a compose file must keep for {@code docker compose up} to come up, and come up safely. Each check
 * returns the problems it found, one sentence each naming the service and the fix; empty when the rule holds.
 */
final class ComposeChecks {

    /** Images known to run as a non-root user, and that user's uid: a fresh named volume belongs to root. */
    static final Map<String, Integer> NON_ROOT_IMAGE_UIDS = Map.of(
            "apache/rocketmq", 3000,
            "curlimages/curl", 100);

    /** The only container ports an operator (or a client) needs from outside the compose network. */
    static final Map<String, Set<String>> OPERATOR_FACING_PORTS = Map.of(
            "xxl-job-admin", Set.of("8080"),
            "rocketmq-dashboard", Set.of("8080"),
            "prometheus", Set.of("9090"),
            "grafana", Set.of("3000"),
            "order-service", Set.of("21880"));

    /** The only services that hold MySQL's root password: the server and the one-shot that creates schemas and users. */
    static final Set<String> MYSQL_ROOT_SERVICES = Set.of("mysql", "db-init");

    private static final Pattern USER_NAME_VARIABLE = Pattern.compile("(?i).*USER(NAME)?");
    private static final Pattern ROOT_LOGIN = Pattern.compile("(?:^|\\s)(?:-u\\s*root|--user[= ]root)(?:\\s|$)");
    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:mysql://[^/]+/([A-Za-z0-9_]+)");
    /** A line {@code create_user <user> <database> ...} of the users script. */
    private static final Pattern CREATE_USER = Pattern.compile("(?m)^create_user\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern CREDENTIAL_NAME =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|CREDENTIAL|API_?KEY).*");
    /** {@code ${VAR}}, {@code ${VAR?message}} or {@code ${VAR:?message}}: the operator's value or no start. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");
    /** The name (group 1) of a variable compose must be given: no default ({@code :-}, {@code -}) after it. */
    private static final Pattern REQUIRED_VARIABLE_NAME = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?\\?[^}]*)?}");
    /** {@code VAR=value} of an env file (an optional {@code export}); comments and blank lines do not match. */
    private static final Pattern ENV_FILE_ASSIGNMENT = Pattern.compile("\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=.*");
    private static final Pattern DEFAULTED_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:?-)");
    private static final Pattern SHELL_COMMAND_SEPARATOR = Pattern.compile("&&|\\|\\||[;|\\n]");
    /** A string literal (group 1) or a comment, found in one pass so that a quote inside a comment is no string. */
    private static final Pattern SQL_LITERAL_OR_COMMENT =
            Pattern.compile("('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\")|/\\*[\\s\\S]*?\\*/|--(?=\\s)[^\\n]*|#[^\\n]*");
    private static final Pattern DOCKERFILE_FROM =
            Pattern.compile("(?i)^\\s*FROM\\s+(?:--\\S+\\s+)*(\\S+)(?:\\s+AS\\s+(\\S+))?");

    private ComposeChecks() {
    }

    /** A parsed compose file: its services with YAML merge keys ({@code <<: *anchor}) resolved. */
    record Compose(Map<String, Map<String, Object>> services) {

        @SuppressWarnings("unchecked")
        static Compose parse(String yaml) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            Map<String, Map<String, Object>> services = new TreeMap<>();
            ((Map<String, Object>) root.getOrDefault("services", Map.of()))
                    .forEach((name, service) -> services.put(name, (Map<String, Object>) service));
            return new Compose(services);
        }
    }

    private record Dependency(String service, String condition) {
    }

    private record VolumeMount(String volume, String target, boolean readOnly) {
    }

    // ---- health -------------------------------------------------------------------------------------------------

    static List<String> everyServiceHasAHealthcheckOrIsAWaitedForOneShot(Compose compose) {
        Set<String> awaitedOneShots = new LinkedHashSet<>();
        compose.services().forEach((name, service) -> dependencies(service).stream()
                .filter(d -> d.condition().equals("service_completed_successfully"))
                .forEach(d -> awaitedOneShots.add(d.service())));
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (!hasHealthcheck(service) && !awaitedOneShots.contains(name)) {
                problems.add("service " + name + " has no healthcheck and no service waits for it to complete: give it a"
                        + " healthcheck, or, if it is a one-shot, make the services that need it depend on it with"
                        + " condition: service_completed_successfully");
            }
        });
        return problems;
    }

    static List<String> everyDependencyWaitsForHealthOrCompletion(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            for (Dependency dependency : dependencies(service)) {
                Map<String, Object> target = compose.services().get(dependency.service());
                if (target == null) {
                    problems.add("service " + name + " depends on " + dependency.service() + ", which is not a service"
                            + " of this file: remove the dependency or add the service");
                } else if (hasHealthcheck(target) && !dependency.condition().equals("service_healthy")) {
                    problems.add("service " + name + " depends on " + dependency.service() + " with "
                            + dependency.condition() + " although " + dependency.service() + " has a healthcheck: use"
                            + " condition: service_healthy");
                } else if (!hasHealthcheck(target) && !dependency.condition().equals("service_completed_successfully")) {
                    problems.add("service " + name + " depends on " + dependency.service() + " with "
                            + dependency.condition() + ", which starts it without waiting for it to be ready: give "
                            + dependency.service() + " a healthcheck and use condition: service_healthy (or, for a"
                            + " one-shot, condition: service_completed_successfully)");
                }
            }
        });
        return problems;
    }

    // ---- volumes of non-root images -------------------------------------------------------------------------

    static List<String> volumesOfNonRootImagesArePrepared(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String image = String.valueOf(service.getOrDefault("image", ""));
            Integer uid = NON_ROOT_IMAGE_UIDS.get(imageRepository(image));
            if (uid == null || runsAsRoot(service)) {
                return;
            }
            for (VolumeMount mount : volumeMounts(service)) {
                if (!mount.readOnly() && !preparedByAnAwaitedInitService(compose, service, mount.volume(), uid)) {
                    problems.add("service " + name + " (image " + image + ", uid " + uid + ") writes volume "
                            + mount.volume() + ", which belongs to root when new: add a one-shot service that mounts "
                            + mount.volume() + " and runs chown " + uid + ":" + uid + " on it, and make " + name
                            + " depend on it with condition: service_completed_successfully");
                }
            }
        });
        return problems;
    }

    private static boolean preparedByAnAwaitedInitService(Compose compose, Map<String, Object> service, String volume,
                                                          int uid) {
        return dependencies(service).stream()
                .filter(d -> d.condition().equals("service_completed_successfully"))
                .map(d -> compose.services().get(d.service()))
                .filter(Objects::nonNull)
                .anyMatch(init -> volumeMounts(init).stream()
                        .filter(m -> m.volume().equals(volume))
                        .anyMatch(m -> chowns(commandText(init), uid, m.target())));
    }

    /** Whether some simple command of the script is a chown of {@code path} to {@code uid}. */
    private static boolean chowns(String script, int uid, String path) {
        Pattern owner = Pattern.compile(uid + "(:\\S*)?");
        for (String command : SHELL_COMMAND_SEPARATOR.split(script)) {
            List<String> words = List.of(command.trim().split("\\s+"));
            if (words.get(0).equals("chown")
                    && words.stream().anyMatch(w -> owner.matcher(w).matches())
                    && words.stream().anyMatch(w -> w.equals(path) || w.equals(path + "/"))) {
                return true;
            }
        }
        return false;
    }

    // ---- sql/ -----------------------------------------------------------------------------------------------------

    /** Regex-level: every statement of every file can run a second time on the same database. */
    static List<String> sqlFilesAreIdempotent(Map<String, String> sqlFilesByName) {
        List<String> problems = new ArrayList<>();
        new TreeMap<>(sqlFilesByName).forEach((file, script) -> {
            String code = SQL_LITERAL_OR_COMMENT.matcher(script).replaceAll(m -> m.group(1) != null ? "''" : " ");
            for (String rawStatement : code.split(";")) {
                String statement = rawStatement.strip().replaceAll("\\s+", " ");
                String upper = statement.toUpperCase();
                String head = statement.length() > 60 ? statement.substring(0, 60) + " ..." : statement;
                if (upper.matches("CREATE (TABLE|DATABASE|SCHEMA) .*") && !upper.matches("CREATE \\w+ IF NOT EXISTS .*")) {
                    problems.add(file + ": \"" + head + "\" fails when the object exists: write CREATE ... IF NOT EXISTS");
                }
                if (upper.startsWith("INSERT ") && !upper.startsWith("INSERT IGNORE ")
                        && !upper.contains(" ON DUPLICATE KEY ")) {
                    problems.add(file + ": \"" + head + "\" fails or duplicates rows on a second run: write INSERT"
                            + " IGNORE (with a unique key on the seeded rows) or add ON DUPLICATE KEY UPDATE");
                }
                if (upper.matches("(.* )?DROP .*")) {
                    problems.add(file + ": \"" + head + "\" drops data on every run: files in sql/ run on every start,"
                            + " so they may only create what is missing");
                }
            }
        });
        return problems;
    }

    // ---- images ---------------------------------------------------------------------------------------------------

    /** Compose images and the FROM images of the Dockerfiles the compose file builds. */
    static List<String> everyImageTagIsPinned(Compose compose, Path projectDir) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (service.get("image") instanceof String image && !pinned(image)) {
                problems.add("service " + name + " uses image " + image + " without a pinned tag: name a released"
                        + " version (image:1.2.3), never latest or no tag");
            }
            Path dockerfile = dockerfile(service, projectDir);
            if (dockerfile != null) {
                Set<String> stages = new LinkedHashSet<>(List.of("scratch"));
                for (String line : readString(dockerfile).lines().toList()) {
                    Matcher from = DOCKERFILE_FROM.matcher(line);
                    if (!from.find()) {
                        continue;
                    }
                    if (!stages.contains(from.group(1)) && !pinned(from.group(1))) {
                        problems.add("service " + name + " builds " + projectDir.relativize(dockerfile) + " FROM "
                                + from.group(1) + " without a pinned tag: name a released version");
                    }
                    if (from.group(2) != null) {
                        stages.add(from.group(2));
                    }
                }
            }
        });
        return problems;
    }

    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int tagColon = image.lastIndexOf(':');
        if (tagColon < 0 || tagColon < image.lastIndexOf('/')) {
            return false;
        }
        String tag = image.substring(tagColon + 1);
        return !tag.isBlank() && !tag.equals("latest");
    }

    private static Path dockerfile(Map<String, Object> service, Path projectDir) {
        Object build = service.get("build");
        if (build instanceof String context) {
            return projectDir.resolve(context).resolve("Dockerfile").normalize();
        }
        if (build instanceof Map<?, ?> spec) {
            Path context = projectDir.resolve(String.valueOf(Objects.requireNonNullElse(spec.get("context"), ".")));
            return context.resolve(String.valueOf(Objects.requireNonNullElse(spec.get("dockerfile"), "Dockerfile"))).normalize();
        }
        return null;
    }

    // ---- ports ----------------------------------------------------------------------------------------------------

    /**
     * For each service built from a module (build arg MODULE): the container ports it declares ({@code expose} and
     * the container side of {@code ports}) are its {@code server.port} and {@code dubbo.protocol.port}, as its
     * application.yml and application-{profile}.yml say for the profiles SPRING_PROFILES_ACTIVE activates.
     */
    static List<String> containerPortsMatchTheServicesConfiguration(Compose compose, Path projectDir) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            String module = buildArg(service, "MODULE");
            if (module == null) {
                return;
            }
            Map<String, String> environment = environment(service);
            List<String> profiles = List.of(environment.getOrDefault("SPRING_PROFILES_ACTIVE", "").split("\\s*,\\s*"));
            Map<String, String> config = springConfig(projectDir.resolve(module).resolve("src/main/resources"), profiles);
            String httpPort = config.get("server.port");
            String dubboPort = config.get("dubbo.protocol.port");
            if (httpPort == null || dubboPort == null) {
                problems.add("service " + name + ": module " + module + " configures no server.port or no"
                        + " dubbo.protocol.port in application.yml: set both there");
                return;
            }
            String serverPortVariable = environment.get("SERVER_PORT");
            if (serverPortVariable != null && !serverPortVariable.equals(httpPort)) {
                problems.add("service " + name + " sets SERVER_PORT " + serverPortVariable + " but " + module
                        + " configures server.port " + httpPort + ": make them equal");
            }
            Set<String> declared = new LinkedHashSet<>(stringList(service.get("expose")));
            publishedPorts(service).forEach(published -> declared.add(containerPort(published)));
            for (String port : List.of(httpPort, dubboPort)) {
                if (!declared.contains(port)) {
                    problems.add("service " + name + " does not declare its container port " + port + " (from " + module
                            + "'s configuration): add it to expose (or ports, if operators need it)");
                }
            }
            declared.stream().filter(port -> !port.equals(httpPort) && !port.equals(dubboPort)).forEach(port ->
                    problems.add("service " + name + " declares container port " + port + " but " + module + " listens"
                            + " on " + httpPort + " (http) and " + dubboPort + " (dubbo): use those ports"));
        });
        return problems;
    }

    static List<String> onlyOperatorFacingPortsArePublished(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Set<String> allowed = OPERATOR_FACING_PORTS.getOrDefault(name, Set.of());
            for (Object published : publishedPorts(service)) {
                if (!allowed.contains(containerPort(published))) {
                    problems.add("service " + name + " publishes " + published + ": infrastructure stays on the compose"
                            + " network; remove the ports entry (expose documents a port without publishing it), or"
                            + " add it to ComposeChecks.OPERATOR_FACING_PORTS if operators really need it");
                }
            }
        });
        return problems;
    }

    private static String containerPort(Object published) {
        if (published instanceof Map<?, ?> longSyntax) {
            return String.valueOf(longSyntax.get("target"));
        }
        String shortSyntax = String.valueOf(published).replaceFirst("/(tcp|udp)$", "");
        return shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1);
    }

    // ---- resources -----------------------------------------------------------------------------------------------

    /**
     * Every container has a memory limit ({@code deploy.resources.limits.memory} or {@code mem_limit}): without one a
     * leaking container takes the host's memory from all others, and a JVM sizes its heap from the host.
     */
    static List<String> everyContainerHasAMemoryLimit(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Object limit = service.get("mem_limit");
            if (limit == null && service.get("deploy") instanceof Map<?, ?> deploy
                    && deploy.get("resources") instanceof Map<?, ?> resources
                    && resources.get("limits") instanceof Map<?, ?> limits) {
                limit = limits.get("memory");
            }
            if (limit == null || String.valueOf(limit).isBlank()) {
                problems.add("service " + name + " has no memory limit: set deploy: { resources: { limits: { memory:"
                        + " <size> } } } (the JVM services size their heap from it)");
            }
        });
        return problems;
    }

    /** The last stage of a Dockerfile switches to a user other than root. */
    static List<String> imagesRunAsNonRoot(String dockerfileName, String dockerfile) {
        String user = null;
        for (String line : dockerfile.lines().toList()) {
            String trimmed = line.trim();
            if (DOCKERFILE_FROM.matcher(trimmed).find()) {
                user = null;
            } else if (trimmed.regionMatches(true, 0, "USER ", 0, 5)) {
                user = trimmed.substring(5).trim();
            }
        }
        if (user == null || user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:")) {
            return List.of(dockerfileName + " runs its service as root: add a system user in the final stage and switch"
                    + " to it with USER <uid>:<gid> (numeric, so that Kubernetes' runAsNonRoot can verify it)");
        }
        return List.of();
    }

    /**
     * The variables compose requires ({@code ${VAR}}, {@code ${VAR:?...}}, {@code ${VAR?...}} anywhere in the file)
     * against those the example environment file names ({@code VAR=} lines): the same set, so that copying the
     * example and filling it in is all an operator needs.
     */
    static List<String> exampleEnvironmentListsExactlyTheRequiredVariables(String composeYaml, String envExample) {
        Set<String> required = new TreeSet<>();
        Matcher variable = REQUIRED_VARIABLE_NAME.matcher(composeYaml);
        while (variable.find()) {
            required.add(variable.group(1));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : envExample.lines().toList()) {
            Matcher assignment = ENV_FILE_ASSIGNMENT.matcher(line);
            if (assignment.matches()) {
                listed.add(assignment.group(1));
            }
        }
        List<String> problems = new ArrayList<>();
        required.stream().filter(v -> !listed.contains(v)).forEach(v -> problems.add("docker-compose.yml requires "
                + v + " but .env.example does not list it: add a line " + v + "= with a comment on what it is"));
        listed.stream().filter(v -> !required.contains(v)).forEach(v -> problems.add(".env.example lists " + v
                + ", which docker-compose.yml does not require: remove it"));
        return problems;
    }

    // ---- credentials --------------------------------------------------------------------------------------------

    /**
     * Passwords, secrets and tokens come from the operator: an environment entry with such a name is exactly
     * {@code ${VAR}} or {@code ${VAR:?message}}, and no such variable is given a default anywhere in a service.
     */
    static List<String> noCredentialHasADefault(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            environment(service).forEach((variable, value) -> {
                if (CREDENTIAL_NAME.matcher(variable).matches() && !REQUIRED_VARIABLE.matcher(value).matches()) {
                    problems.add("service " + name + " sets " + variable + " to \"" + value + "\": take it from the"
                            + " operator as ${" + variable + ":?set " + variable + "} (no literal, no default)");
                }
            });
            for (String text : allStrings(service)) {
                Matcher defaulted = DEFAULTED_VARIABLE.matcher(text);
                while (defaulted.find()) {
                    if (CREDENTIAL_NAME.matcher(defaulted.group(1)).matches()) {
                        problems.add("service " + name + " gives the credential " + defaulted.group(1) + " a default ("
                                + defaulted.group() + "...}): write ${" + defaulted.group(1) + ":?message} so that an"
                                + " unset secret stops docker compose instead of using a known value");
                    }
                }
            }
        });
        return problems;
    }

    // ---- registry ---------------------------------------------------------------------------------------------------

    /** Nacos environment entries that turn its auth on with the operator's keys (README "Production shape"). */
    static final List<String> NACOS_AUTH_KEYS = List.of("NACOS_AUTH_TOKEN", "NACOS_AUTH_IDENTITY_KEY", "NACOS_AUTH_IDENTITY_VALUE");

    /**
     * The registry and configuration server (Nacos) answers signed-in users only, with keys from the operator, and
     * every service built from a module signs in with the password the operator gives the services' Nacos user.
     */
    static List<String> nacosRunsWithAuth(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            Map<String, String> environment = environment(service);
            if (imageRepository(String.valueOf(service.getOrDefault("image", ""))).equals("nacos/nacos-server")) {
                if (!"true".equals(environment.get("NACOS_AUTH_ENABLE"))) {
                    problems.add("service " + name + " runs Nacos without auth: anyone on the network reads and changes the"
                            + " registry and the tunables; set NACOS_AUTH_ENABLE: \"true\"");
                }
                for (String key : NACOS_AUTH_KEYS) {
                    if (!REQUIRED_VARIABLE.matcher(environment.getOrDefault(key, "")).matches()) {
                        problems.add("service " + name + " does not take " + key + " from the operator: set " + key
                                + ": ${" + key + ":?set " + key + "} (the image's built-in value is public)");
                    }
                }
            }
            if (buildArg(service, "MODULE") != null && !REQUIRED_VARIABLE.matcher(environment.getOrDefault("ESHOP_NACOS_PASSWORD", "")).matches()) {
                problems.add("service " + name + " cannot sign in to Nacos: set ESHOP_NACOS_PASSWORD: ${NACOS_ESHOP_PASSWORD:?set NACOS_ESHOP_PASSWORD}");
            }
        });
        return problems;
    }

    // ---- database users -------------------------------------------------------------------------------------------

    /** user -> the one database the users script (deploy/mysql/create-users.sh) grants it. */
    static Map<String, String> databaseUsers(String usersScript) {
        Map<String, String> users = new TreeMap<>();
        Matcher line = CREATE_USER.matcher(usersScript);
        while (line.find()) {
            users.put(line.group(1), line.group(2));
        }
        return users;
    }

    /** Only MySQL itself and its init step hold the root password, and no other service logs in as root. */
    static List<String> onlyMySqlAndItsInitUseRoot(Compose compose) {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, service) -> {
            if (MYSQL_ROOT_SERVICES.contains(name)) {
                return;
            }
            if (allStrings(service).stream().anyMatch(text -> text.contains("MYSQL_ROOT_PASSWORD"))) {
                problems.add("service " + name + " is given MySQL's root password (MYSQL_ROOT_PASSWORD): only "
                        + MYSQL_ROOT_SERVICES + " hold it; give " + name + " a user of its own in"
                        + " deploy/mysql/create-users.sh, allowed its own database only");
            }
            environment(service).forEach((variable, value) -> {
                if (USER_NAME_VARIABLE.matcher(variable).matches() && value.trim().equalsIgnoreCase("root")) {
                    problems.add("service " + name + " sets " + variable + " to root: log in as a user of its own"
                            + " (deploy/mysql/create-users.sh), allowed its own database only");
                }
            });
            if (ROOT_LOGIN.matcher(commandText(service)).find()) {
                problems.add("service " + name + " runs a command that logs in as root: only " + MYSQL_ROOT_SERVICES
                        + " may");
            }
        });
        return problems;
    }

    /**
     * Every database client logs in as a user of its own that the users script creates for exactly the database
     * the client uses: a service built from a module as ESHOP_MYSQL_USERNAME (else it would use the shared
     * configuration's local-stack root) on its eshop.database, any other service as the user variable next to its
     * JDBC URL on that URL's database. No two services share a user.
     */
    static List<String> everyDatabaseClientHasAUserOfItsOwn(Compose compose, Path projectDir, Map<String, String> databaseUsers) {
        List<String> problems = new ArrayList<>();
        Map<String, String> serviceByUser = new TreeMap<>();
        compose.services().forEach((name, service) -> {
            Map<String, String> environment = environment(service);
            String module = buildArg(service, "MODULE");
            String user;
            String database;
            if (module != null) {
                List<String> profiles = List.of(environment.getOrDefault("SPRING_PROFILES_ACTIVE", "").split("\\s*,\\s*"));
                database = springConfig(projectDir.resolve(module).resolve("src/main/resources"), profiles).get("eshop.database");
                user = environment.get("ESHOP_MYSQL_USERNAME");
                if (user == null) {
                    problems.add("service " + name + " sets no ESHOP_MYSQL_USERNAME, so it would log in as the shared"
                            + " configuration's root: set it to the user deploy/mysql/create-users.sh creates for "
                            + database);
                    return;
                }
            } else {
                database = environment.values().stream().map(JDBC_DATABASE::matcher).filter(Matcher::find)
                        .map(m -> m.group(1)).findFirst().orElse(null);
                user = environment.entrySet().stream()
                        .filter(e -> USER_NAME_VARIABLE.matcher(e.getKey()).matches() && !e.getValue().contains("${"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (database == null || user == null) {
                    return;
                }
            }
            if (user.equalsIgnoreCase("root")) {
                problems.add("service " + name + " logs in as root to " + database + ": add a user of its own for "
                        + database + " to deploy/mysql/create-users.sh and log in as that user");
            } else if (!Objects.equals(databaseUsers.get(user), database)) {
                problems.add("service " + name + " logs in as " + user + " to " + database + ", but"
                        + " deploy/mysql/create-users.sh " + (databaseUsers.containsKey(user)
                        ? "grants " + user + " " + databaseUsers.get(user) : "does not create " + user)
                        + ": add create_user " + user + " " + database + " there");
            }
            String other = serviceByUser.putIfAbsent(user, name);
            if (other != null) {
                problems.add("services " + other + " and " + name + " share the database user " + user
                        + ": give each a user of its own");
            }
        });
        return problems;
    }

    // ---- reading the model ----------------------------------------------------------------------------------------

    private static boolean hasHealthcheck(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck)) {
            return false;
        }
        Object test = healthcheck.get("test");
        return !Boolean.TRUE.equals(healthcheck.get("disable")) && test != null
                && !(test instanceof List<?> list && List.of("NONE").equals(list));
    }

    private static List<Dependency> dependencies(Map<String, Object> service) {
        List<Dependency> dependencies = new ArrayList<>();
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof List<?> names) {
            names.forEach(n -> dependencies.add(new Dependency(String.valueOf(n), "service_started")));
        } else if (dependsOn instanceof Map<?, ?> byName) {
            byName.forEach((n, spec) -> dependencies.add(new Dependency(String.valueOf(n),
                    spec instanceof Map<?, ?> m ? String.valueOf(Objects.requireNonNullElse(m.get("condition"), "service_started"))
                            : "service_started")));
        }
        return dependencies;
    }

    private static List<VolumeMount> volumeMounts(Map<String, Object> service) {
        List<VolumeMount> mounts = new ArrayList<>();
        if (!(service.get("volumes") instanceof List<?> volumes)) {
            return mounts;
        }
        for (Object volume : volumes) {
            if (volume instanceof Map<?, ?> longSyntax) {
                if ("volume".equals(longSyntax.get("type"))) {
                    mounts.add(new VolumeMount(String.valueOf(longSyntax.get("source")),
                            String.valueOf(longSyntax.get("target")), Boolean.TRUE.equals(longSyntax.get("read_only"))));
                }
                continue;
            }
            String[] parts = String.valueOf(volume).split(":");
            boolean namedVolume = parts.length >= 2 && parts[0].matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
            if (namedVolume) {
                boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                mounts.add(new VolumeMount(parts[0], parts[1], readOnly));
            }
        }
        return mounts;
    }

    private static boolean runsAsRoot(Map<String, Object> service) {
        String user = String.valueOf(service.getOrDefault("user", ""));
        return user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:");
    }

    private static String imageRepository(String image) {
        String withoutDigest = image.split("@")[0];
        int tagColon = withoutDigest.lastIndexOf(':');
        return tagColon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, tagColon) : withoutDigest;
    }

    private static String commandText(Map<String, Object> service) {
        return String.join(" ", stringList(service.get("entrypoint"))) + "\n"
                + String.join("\n", stringList(service.get("command")));
    }

    /** A compose service's environment, whether written as a map or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service.get("environment");
        if (declared instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (declared instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                environment.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return environment;
    }

    private static String buildArg(Map<String, Object> service, String arg) {
        if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args) {
            Object value = args.get(arg);
            return value == null ? null : String.valueOf(value);
        }
        return null;
    }

    private static List<?> publishedPorts(Map<String, Object> service) {
        return service.get("ports") instanceof List<?> ports ? ports : List.of();
    }

    private static List<String> stringList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static List<String> allStrings(Object node) {
        List<String> strings = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> strings.addAll(allStrings(v)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> strings.addAll(allStrings(v)));
        } else if (node != null) {
            strings.add(String.valueOf(node));
        }
        return strings;
    }

    /**
     * The flattened properties of application.yml then application-{profile}.yml, each document of a file applied
     * unless its spring.config.activate.on-profile names a profile that is not active; later documents win.
     */
    static Map<String, String> springConfig(Path resources, List<String> activeProfiles) {
        List<Path> files = new ArrayList<>();
        files.add(resources.resolve("application.yml"));
        activeProfiles.stream().filter(p -> !p.isBlank()).forEach(p -> files.add(resources.resolve("application-" + p + ".yml")));
        return springConfig(files, activeProfiles);
    }

    /** The flattened properties of these YAML files in this order, later documents winning, as above. */
    @SuppressWarnings("unchecked")
    static Map<String, String> springConfig(List<Path> files, List<String> activeProfiles) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(readString(file))) {
                if (!(document instanceof Map<?, ?>)) {
                    continue;
                }
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", (Map<String, Object>) document, flat);
                String onProfile = flat.get("spring.config.activate.on-profile");
                if (onProfile == null || activeProfiles.contains(onProfile)) {
                    properties.putAll(flat);
                }
            }
        }
        return properties;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(path + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(path, String.valueOf(value));
            }
        });
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
