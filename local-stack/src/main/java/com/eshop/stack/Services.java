package com.eshop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The service JVMs of a stack (with the replicas of a scaled-out stack): their command lines, their start side by
 * side until healthy, their stop, and the control of one service for fault tests.
 */
final class Services {
    private final LocalStackConfig config;
    private final StackDirs dirs;
    private final StackProgress progress;
    private final String internalApiSecret;
    private final String payGatewayPublicKey;
    private final Map<String, ServiceRunner> runners = new LinkedHashMap<>();
    private final Map<String, ServiceImage> images = new LinkedHashMap<>();

    Services(LocalStackConfig config, StackDirs dirs, StackProgress progress, String internalApiSecret, String payGatewayPublicKey) {
        this.config = config;
        this.dirs = dirs;
        this.progress = progress;
        this.internalApiSecret = internalApiSecret;
        this.payGatewayPublicKey = payGatewayPublicKey;
    }

    /** The runners of the configured services; fails if a service jar is not built. */
    void prepare(Optional<Path> hostsFile) {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (config.services().contains(spec.name())) {
                runners.put(spec.name(), newRunner(spec, hostsFile));
                if (config.scaleOut() && ServiceSpec.SCALED_OUT.contains(spec.name())) {
                    runners.put(spec.replica().name(), newRunner(spec.replica(), hostsFile));
                }
            }
        }
        List<String> missing = runners.values().stream().filter(r -> !Files.isRegularFile(r.image().fatJar()))
                .map(r -> r.image().fatJar().toString()).distinct().toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("service jar(s) not found:\n  " + String.join("\n  ", missing)
                    + "\nbuild them first: mvn -B -DskipTests install (from " + config.repoDir()
                    + "), or start with --infra-only / LocalStackConfig.infraOnly(true)");
        }
    }

    private ServiceRunner newRunner(ServiceSpec spec, Optional<Path> hostsFile) {
        ServiceImage image = images.computeIfAbsent(spec.module(),
                module -> new ServiceImage(config.repoDir(), module, config.classDataSharing(),
                        config.classArchiveDumpTimeout(), config.healthTimeout()));
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildProcess.javaExecutable());
        cmd.addAll(config.jvmOptions());
        cmd.addAll(config.serviceJvmOptions(spec.name()));
        cmd.add("-Duser.home=" + dirs.home());
        // Tomcat's work dirs etc. stay in the data dir instead of piling up in /tmp after kill -9
        cmd.add("-Djava.io.tmpdir=" + dirs.tmp(spec.name()));
        hostsFile.ifPresent(f -> cmd.add("-Djdk.net.hosts.file=" + f));
        cmd.add(dirs.marker(spec.name()));
        return new ServiceRunner(spec, image, cmd,
                ServiceRunner.mergeArgs(springArgs(spec), config.springArgs(), config.serviceArgs(spec.name())),
                Map.of("ESHOP_INTERNAL_API_SECRET", internalApiSecret), config.repoDir().resolve(spec.module()), dirs.log(spec.name()), dirs.pidFile(spec.name()));
    }

    /**
     * The stack's own Spring arguments of a service: its ports and their address, its Sentinel log dir, the local
     * operator, order-service's XXL-JOB executor, and pay-service's key of the stack's payment gateway.
     */
    private List<String> springArgs(ServiceSpec spec) {
        List<String> base = new ArrayList<>(List.of(
                "--server.port=" + spec.httpPort(),
                "--server.address=" + StackPorts.HOST,
                "--dubbo.protocol.port=" + spec.dubboPort(),
                "--dubbo.protocol.host=" + StackPorts.HOST,
                "--eshop.rocketmq.poll-name-server-interval-ms=1000",
                "--eshop.sentinel.log-dir=" + dirs.logDir.resolve("sentinel").resolve(spec.name()),
                "--eshop.operator.username=" + LocalStackConfig.OPERATOR_USERNAME,
                "--eshop.operator.password-hash=" + LocalStackConfig.OPERATOR_PASSWORD_HASH));
        if (spec.module().equals(ServiceSpec.ORDER)) {
            base.add("--xxl.job.executor.port=" + executorPort(spec));
            base.add("--xxl.job.executor.ip=" + StackPorts.HOST);
            base.add("--xxl.job.accessToken=" + config.xxlJobAccessToken());
        }
        if (spec.module().equals(ServiceSpec.PAY)) {
            base.add("--eshop.pay.gateway.public-key=" + payGatewayPublicKey);
        }
        return base;
    }

    static int executorPort(ServiceSpec orderService) {
        return orderService.isReplica() ? StackPorts.XXL_JOB_EXECUTOR_REPLICA : StackPorts.XXL_JOB_EXECUTOR;
    }

    /** port -> what listens there: each instance's HTTP and Dubbo ports, and order-service's XXL-JOB executors. */
    Map<Integer, String> ports() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        for (ServiceRunner r : runners.values()) {
            ports.put(r.spec().httpPort(), r.spec().name() + " http");
            ports.put(r.spec().dubboPort(), r.spec().name() + " dubbo");
        }
        if (contains(ServiceSpec.ORDER)) {
            ports.put(StackPorts.XXL_JOB_EXECUTOR, "order-service xxl-job executor");
            if (config.scaleOut()) {
                ports.put(StackPorts.XXL_JOB_EXECUTOR_REPLICA, "order-service-2 xxl-job executor");
            }
        }
        return ports;
    }

    boolean contains(String name) {
        return runners.containsKey(name);
    }

    /** The names of the service instances (with the replicas of a scaled-out stack). */
    List<String> names() {
        return List.copyOf(runners.keySet());
    }

    Collection<ServiceRunner> runners() {
        return runners.values();
    }

    // ------------------------------------------------------------------------------------------------ all of them

    /** Starts every service JVM side by side and waits until each is healthy. */
    void startAll() throws Exception {
        List<String> names = names();
        dirs.createServiceDirs(names);
        progress.line("starting " + names.size() + " service JVMs in parallel: " + names);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, names.size()), Parallel.daemonThreads("local-stack-svc"));
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (String name : names) {
                ServiceRunner r = runners.get(name);
                parts.add(pool.submit(() -> {
                    r.start();
                    Duration d = r.awaitHealthy(config.healthTimeout());
                    progress.recordUp(name, d.toMillis());
                    progress.line(String.format(Locale.ROOT, "%-18s healthy in %5.1f s  (%s, pid %s, %s)", name,
                            d.toMillis() / 1000.0, r.spec().readinessUrl(), r.pid().map(String::valueOf).orElse("-"),
                            r.archiveUseLabel()));
                    return null;
                }));
            }
            Parallel.awaitAll(parts, config.healthTimeout().plusSeconds(60), "services", dirs.logDir);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Stops every service side by side (SIGTERM, then SIGKILL after the stop timeout). */
    void stopAll() {
        List<ServiceRunner> all = List.copyOf(runners.values());
        boolean anyRunning = all.stream().anyMatch(ServiceRunner::isRunning);
        Parallel.run(all.stream().map(r -> (Runnable) () -> r.close(config.serviceStopTimeout())).toList());
        if (anyRunning) {
            progress.line("services stopped");
        }
    }

    // ------------------------------------------------------------------------------------------------ one of them

    void stop(String name) {
        ServiceRunner r = runner(name);
        long t0 = System.nanoTime();
        r.stop(config.serviceStopTimeout());
        progress.line(String.format(Locale.ROOT, "%s stopped in %.1f s", name, (System.nanoTime() - t0) / 1e9));
    }

    void start(String name) {
        ServiceRunner r = runner(name);
        try {
            if (!r.isRunning()) {
                r.start();
            }
            awaitHealthy(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    void restart(String name, Map<String, String> springProperties) {
        stop(name);
        ServiceRunner r = runner(name);
        try {
            r.start(springProperties);
            awaitHealthy(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitHealthy(ServiceRunner r) {
        try {
            Duration d = r.awaitHealthy(config.healthTimeout());
            progress.recordUp(r.spec().name(), d.toMillis());
            progress.line(String.format(Locale.ROOT, "%s healthy in %.1f s", r.spec().name(), d.toMillis() / 1000.0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + r.spec().name(), e);
        }
    }

    void kill(String name) {
        runner(name).kill();
        progress.line(name + " killed (SIGKILL)");
        awaitRegistrationsGone(ServiceSpec.byName(name).dubboPort(), Duration.ofSeconds(90));
    }

    private void awaitRegistrationsGone(int dubboPort, Duration within) {
        String address = StackPorts.HOST + "%3A" + dubboPort;
        long deadline = System.currentTimeMillis() + within.toMillis();
        try (org.apache.zookeeper.admin.ZooKeeperAdmin zk = new org.apache.zookeeper.admin.ZooKeeperAdmin(
                Infrastructure.zooKeeperAddress(), 10_000, event -> { })) {
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
            progress.line("registrations of port " + dubboPort + " still in ZooKeeper after " + within.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            progress.line("could not read ZooKeeper registrations: " + e);
        }
    }

    boolean isHealthy(String name) {
        return runner(name).isHealthy();
    }

    private ServiceRunner runner(String name) {
        ServiceSpec.byName(name);
        ServiceRunner r = runners.get(name);
        if (r == null) {
            throw new IllegalStateException(name + " is not part of this stack (infra-only or not in services())");
        }
        return r;
    }
}
