package com.eshop.stack;

import com.eshop.common.api.mq.RocketMqConstant;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The infrastructure servers of a stack: MariaDB (with the {@code sql/*.sql} databases), Redis, ZooKeeper, RocketMQ
 * namesrv + broker (with the topics) and the Seata TC; started side by side, stopped and restarted.
 */
final class Infrastructure {
    private final LocalStackConfig config;
    private final StackDirs dirs;
    private final StackProgress progress;

    final MariaDbServer mariaDb;
    final RedisServerRunner redis;
    private final ZooKeeperRunner zooKeeper;
    private final RocketMqRunner rocketMq;
    /** Null until {@link #prepareSeata}. */
    private SeataTcRunner seata;

    Infrastructure(LocalStackConfig config, StackDirs dirs, StackProgress progress) {
        this.config = config;
        this.dirs = dirs;
        this.progress = progress;
        this.mariaDb = new MariaDbServer(dirs.dataDir.resolve("mariadb"), StackPorts.MARIADB, progress::line);
        this.redis = new RedisServerRunner(dirs.dataDir.resolve("redis"), dirs.log("redis"), StackPorts.REDIS,
                progress::line);
        this.zooKeeper = new ZooKeeperRunner(dirs.dataDir.resolve("zookeeper"), StackPorts.ZOOKEEPER);
        this.rocketMq = new RocketMqRunner(dirs.dataDir.resolve("rocketmq"), config, progress::line);
    }

    static String jdbcUrl(String database) {
        return "jdbc:mysql://" + StackPorts.HOST + ":" + StackPorts.MARIADB + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";
    }

    static String zooKeeperAddress() {
        return StackPorts.HOST + ":" + StackPorts.ZOOKEEPER;
    }

    static String seataAddress() {
        return StackPorts.HOST + ":" + StackPorts.SEATA_TC;
    }

    /** mariadbd / redis-server still running from this data dir (found by their pid files). */
    void stopStaleServerProcesses() {
        ChildProcess.killStale(mariaDb.pidFile(), dirs.dataDir.resolve("mariadb/data").toString(), progress::line);
        ChildProcess.killStale(redis.pidFile(), ":" + StackPorts.REDIS, progress::line);
    }

    /** The Seata TC's runner (its child JVM resolves names through {@code hostsFile}, if any); fails if it is not built. */
    void prepareSeata(Optional<Path> hostsFile) {
        this.seata = new SeataTcRunner(dirs.dataDir.resolve("seata"),
                config.repoDir().resolve("local-stack/seata-tc/target/lib"), dirs.log("seata-tc"),
                dirs.pidFile("seata-tc"), dirs.marker("seata-tc"), config, hostsFile, jdbcUrl("seata"));
        seata.checkInstalled();
    }

    Optional<Long> seataPid() {
        return seata == null ? Optional.empty() : seata.pid();
    }

    /** port -> what listens there, in start order. */
    static Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(StackPorts.MARIADB, "mariadb");
        ports.put(StackPorts.REDIS, "redis");
        ports.put(StackPorts.ZOOKEEPER, "zookeeper");
        ports.put(StackPorts.ROCKETMQ_NAMESRV, "rocketmq namesrv");
        ports.put(StackPorts.ROCKETMQ_BROKER, "rocketmq broker");
        ports.put(StackPorts.ROCKETMQ_BROKER_FAST, "rocketmq broker (listenPort-2)");
        ports.put(StackPorts.SEATA_TC, "seata tc");
        ports.put(StackPorts.SEATA_CONSOLE, "seata console");
        return ports;
    }

    // ------------------------------------------------------------------------------------------------ start

    /** Starts every server, side by side where nothing depends on another, and waits until all are up. */
    void start() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5, Parallel.daemonThreads("local-stack-infra"));
        try {
            List<Future<?>> parts = new ArrayList<>();
            parts.add(pool.submit(timed("mariadb", () -> {
                mariaDb.start();
                return null;
            }).andThen("databases", () -> {
                List<Path> files = SqlScripts.runAll(jdbcUrl(""), config.sqlDir(), progress::line);
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
            Parallel.awaitAll(parts, Duration.ofMinutes(5), "infrastructure", dirs.logDir);
        } finally {
            pool.shutdownNow();
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
                progress.recordUp(names.get(i), ms);
                progress.line(String.format(Locale.ROOT, "%-18s up in %5.1f s  %s", names.get(i), ms / 1000.0,
                        detail != null ? detail : address(names.get(i))));
            }
            return null;
        }
    }

    private Timed timed(String name, Callable<String> step) {
        return new Timed().andThen(name, step);
    }

    private static String address(String component) {
        return switch (component) {
            case "mariadb" -> "127.0.0.1:" + StackPorts.MARIADB;
            case "redis" -> "127.0.0.1:" + StackPorts.REDIS;
            case "zookeeper" -> zooKeeperAddress();
            case "rocketmq-namesrv" -> RocketMqRunner.nameServerAddress();
            case "rocketmq-broker" -> RocketMqRunner.brokerAddress() + " (registered)";
            case "seata-tc" -> seataAddress() + ", console 127.0.0.1:" + StackPorts.SEATA_CONSOLE;
            default -> "";
        };
    }

    // ------------------------------------------------------------------------------------------------ stop

    /** Stops Seata, the broker, the namesrv, ZooKeeper, Redis and MariaDB; side by side when the JVM exits anyway. */
    void stop(boolean exiting) {
        // Seata's graceful stop takes ~10 s; when the JVM exits anyway, 5 s then SIGKILL
        Runnable stopSeata = () -> progress.stopStep("seata-tc", () -> {
            if (seata != null) {
                seata.close(Duration.ofSeconds(exiting ? 5 : 20));
            }
        });
        if (exiting) {
            // the JVM halts after this hook: no need to wait 15-20 s for the broker's graceful shutdown, and nothing
            // depends on the remaining parts any more, so stop them side by side
            rocketMq.persistForExit();
            Parallel.run(List.of(
                    stopSeata,
                    () -> progress.stopStep("rocketmq-broker", () -> rocketMq.stopBroker(5_000)),
                    () -> progress.stopStep("rocketmq-namesrv", rocketMq::stopNamesrv),
                    () -> progress.stopStep("zookeeper", zooKeeper::stop),
                    () -> progress.stopStep("redis", redis::close),
                    () -> progress.stopStep("mariadb", mariaDb::close)));
        } else {
            stopSeata.run();
            progress.stopStep("rocketmq-broker", () -> rocketMq.stopBroker(30_000));
            progress.stopStep("rocketmq-namesrv", rocketMq::stopNamesrv);
            progress.stopStep("zookeeper", zooKeeper::stop);
            progress.stopStep("redis", redis::close);
            progress.stopStep("mariadb", mariaDb::close);
        }
    }

    // ------------------------------------------------------------------------------------------------ restarts

    /** Graceful broker restart on the same store (topics, offsets and half messages survive). */
    void restartBroker() {
        long t0 = System.nanoTime();
        rocketMq.stopBroker(30_000);
        try {
            rocketMq.startBroker();
            rocketMq.createTopics(RocketMqConstant.ALL_TOPICS, config.topicQueueNums());
        } catch (Exception e) {
            throw new IllegalStateException("broker restart failed: " + e.getMessage(), e);
        }
        restarted("rocketmq broker", t0);
    }

    /** Redis restart (no persistence: keys, i.e. Redisson locks, are gone afterwards). */
    void restartRedis() {
        long t0 = System.nanoTime();
        redis.stop();
        try {
            redis.start();
        } catch (IOException e) {
            throw new IllegalStateException("redis restart failed: " + e.getMessage(), e);
        }
        restarted("redis", t0);
    }

    /** Seata TC restart on the same database store (open global transactions are resumed by the TC). */
    void restartSeata() {
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
        restarted("seata-tc", t0);
    }

    private void restarted(String what, long t0) {
        progress.line(String.format(Locale.ROOT, "%s restarted in %.1f s", what, (System.nanoTime() - t0) / 1e9));
    }
}
