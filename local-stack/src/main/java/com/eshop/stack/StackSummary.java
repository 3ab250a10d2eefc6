package com.eshop.stack;

import com.eshop.common.api.mq.RocketMqConstant;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a started stack shows: what listens where, pids, start-up times and RSS; and its total resident memory. */
final class StackSummary {
    /** The launcher JVM's name in the summary and the CPU readings: ZooKeeper, the name server and the broker run in it. */
    static final String LAUNCHER_JVM = "launcher JVM";
    private final LocalStackConfig config;
    private final StackDirs dirs;
    private final StackProgress progress;
    private final Infrastructure infra;
    private final Services services;
    private final JobTriggers triggers;

    StackSummary(LocalStackConfig config, StackDirs dirs, StackProgress progress, Infrastructure infra, Services services,
                 JobTriggers triggers) {
        this.config = config;
        this.dirs = dirs;
        this.progress = progress;
        this.infra = infra;
        this.services = services;
        this.triggers = triggers;
    }

    void print(long readyMillis) {
        StringBuilder sb = new StringBuilder("\n");
        appendTable(sb, rows());
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        sb.append(String.format(Locale.ROOT, "  ready %.1f s after start() (%.1f s after JVM start)%n",
                readyMillis / 1000.0, (progress.startEpochMillis() + readyMillis - jvmStart) / 1000.0));
        triggers.appendSummary(sb);
        sb.append("  logs: ").append(dirs.logDir).append('\n');
        config.progress().accept(sb.toString());
    }

    private List<String[]> rows() {
        long self = ProcessHandle.current().pid();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"component", "address", "pid", "up in", "ready at", "RSS"});
        row(rows, "mariadb", "127.0.0.1:" + StackPorts.MARIADB + " (root, no password)", infra.mariaDb.pid());
        row(rows, "redis", "127.0.0.1:" + StackPorts.REDIS, infra.redis.pid());
        row(rows, "zookeeper", "127.0.0.1:" + StackPorts.ZOOKEEPER + " (in launcher)", Optional.of(self));
        row(rows, "rocketmq-namesrv", RocketMqRunner.nameServerAddress() + " (in launcher)", Optional.of(self));
        row(rows, "rocketmq-broker", RocketMqRunner.brokerAddress() + " +" + StackPorts.ROCKETMQ_BROKER_FAST
                + " (in launcher)", Optional.of(self));
        row(rows, "topics", RocketMqConstant.ALL_TOPICS.size() + " x " + config.topicQueueNums() + " queues",
                Optional.empty());
        row(rows, "databases", config.sqlDir().toString(), Optional.empty());
        row(rows, "pay-gateway", "http://127.0.0.1:" + StackPorts.PAY_GATEWAY + "/gateway (simulator, in launcher)", Optional.of(self));
        row(rows, "seata-tc", Infrastructure.seataAddress() + " (console 127.0.0.1:" + StackPorts.SEATA_CONSOLE + ")",
                infra.seataPid());
        for (ServiceRunner r : services.runners()) {
            String addr = "http://127.0.0.1:" + r.spec().httpPort() + ", dubbo :" + r.spec().dubboPort()
                    + (r.spec().module().equals(ServiceSpec.ORDER) ? ", xxl-job :" + Services.executorPort(r.spec()) : "");
            row(rows, r.spec().name(), addr, r.pid());
        }
        rows.add(new String[]{LAUNCHER_JVM, "ZooKeeper + RocketMQ in process", Long.toString(self), "", "",
                rss(self)});
        return rows;
    }

    private static void appendTable(StringBuilder sb, List<String[]> rows) {
        int[] w = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            sb.append(String.format(Locale.ROOT, "  %-" + w[0] + "s  %-" + w[1] + "s  %" + w[2] + "s  %"
                    + w[3] + "s  %" + w[4] + "s  %" + w[5] + "s%n", (Object[]) r));
            if (i == 0) {
                sb.append("  ").append("-".repeat(w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + 10)).append('\n');
            }
        }
    }

    private void row(List<String[]> rows, String name, String address, Optional<Long> pid) {
        long[] t = progress.timing(name);
        rows.add(new String[]{name, address, pid.map(String::valueOf).orElse("-"),
                t == null ? "" : String.format(Locale.ROOT, "%.1f s", t[0] / 1000.0),
                t == null ? "" : String.format(Locale.ROOT, "+%.1f s", t[1] / 1000.0),
                pid.filter(p -> p != ProcessHandle.current().pid()).map(StackSummary::rss).orElse("")});
    }

    private static String rss(long pid) {
        long mib = ChildProcess.rssMiB(pid);
        return mib < 0 ? "" : mib + " MiB";
    }

    /**
     * CPU time used so far by each process of the stack, in milliseconds: every service, the Seata TC, MariaDB, Redis
     * and the launcher JVM, which holds ZooKeeper, the name server, the broker and the gateway simulator (and whatever
     * else runs in it, e.g. the bench's clients). A process not running is left out.
     */
    Map<String, Long> cpuMillis() {
        Map<String, Optional<Long>> pids = new LinkedHashMap<>();
        services.runners().forEach(r -> pids.put(r.spec().name(), r.pid()));
        pids.put("seata-tc", infra.seataPid());
        pids.put("mariadb", infra.mariaDb.pid());
        pids.put("redis", infra.redis.pid());
        pids.put(LAUNCHER_JVM, Optional.of(ProcessHandle.current().pid()));
        Map<String, Long> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> pid.map(ChildProcess::cpuMillis).filter(ms -> ms >= 0).ifPresent(ms -> cpu.put(name, ms)));
        return cpu;
    }

    /** Resident memory of the whole stack in MiB: the launcher JVM, MariaDB, Redis, the Seata TC and every service. */
    long totalRssMiB() {
        List<Optional<Long>> pids = new ArrayList<>(List.of(infra.mariaDb.pid(), infra.redis.pid(), Optional.of(ProcessHandle.current().pid())));
        pids.add(infra.seataPid());
        services.runners().forEach(r -> pids.add(r.pid()));
        return pids.stream().flatMap(Optional::stream).mapToLong(ChildProcess::rssMiB).filter(m -> m > 0).sum();
    }
}
