package com.eshop.consistency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table of a chaos run or a consistency test: one line per scenario, then every violation with its evidence. */
public final class ChaosReport {
    private ChaosReport() {
    }

    /** Rounds of the same scenario are added up into one line. */
    public static String table(List<WorkloadDriver.RoundResult> rounds) {
        Map<String, List<WorkloadDriver.RoundResult>> byScenario = new LinkedHashMap<>();
        rounds.forEach(r -> byScenario.computeIfAbsent(r.scenario().name(), k -> new ArrayList<>()).add(r));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"scenario", "rounds", "orders", "created", "operations", "faults injected", "violations",
                "settle max", "settle p99", "outcomes"});
        long[] total = new long[6];
        for (Map.Entry<String, List<WorkloadDriver.RoundResult>> e : byScenario.entrySet()) {
            List<WorkloadDriver.RoundResult> rs = e.getValue();
            long orders = rs.stream().mapToLong(WorkloadDriver.RoundResult::orders).sum();
            long created = rs.stream().mapToLong(WorkloadDriver.RoundResult::created).sum();
            long ops = rs.stream().mapToLong(WorkloadDriver.RoundResult::operations).sum();
            long faults = rs.stream().mapToLong(WorkloadDriver.RoundResult::faultCount).sum();
            long violations = rs.stream().mapToLong(r -> r.violations().size()).sum();
            List<Long> settle = settleMillis(rs);
            long max = WorkloadDriver.percentile(settle, 1.0);
            long p99 = WorkloadDriver.percentile(settle, 0.99);
            int unsettled = rs.stream().mapToInt(WorkloadDriver.RoundResult::unsettledOrders).sum();
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            rs.forEach(r -> r.outcomes().forEach((k, v) -> outcomes.merge(k, v, Integer::sum)));
            rows.add(new String[]{e.getKey(), String.valueOf(rs.size()), String.valueOf(orders), String.valueOf(created),
                    String.valueOf(ops), faultsCell(rs), String.valueOf(violations),
                    secs(max) + (unsettled > 0 ? " (" + unsettled + " unsettled)" : ""), secs(p99), outcomes.toString()});
            total[0] += rs.size();
            total[1] += orders;
            total[2] += created;
            total[3] += ops;
            total[4] += faults;
            total[5] += violations;
        }
        List<Long> settle = settleMillis(rounds);
        rows.add(new String[]{"TOTAL", String.valueOf(total[0]), String.valueOf(total[1]), String.valueOf(total[2]),
                String.valueOf(total[3]), String.valueOf(total[4]), String.valueOf(total[5]),
                secs(WorkloadDriver.percentile(settle, 1.0)), secs(WorkloadDriver.percentile(settle, 0.99)), ""});
        return render(rows);
    }

    /** The per-order settle times of all these rounds, ascending. */
    private static List<Long> settleMillis(List<WorkloadDriver.RoundResult> rounds) {
        return rounds.stream().flatMap(r -> r.settleMillis().stream()).sorted().toList();
    }

    private static String faultsCell(List<WorkloadDriver.RoundResult> rs) {
        Map<String, Long> sum = new LinkedHashMap<>();
        rs.forEach(r -> r.faultsInjected().forEach((k, v) -> sum.merge(shorten(k), v, Long::sum)));
        long total = sum.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "0";
        }
        return total + " " + sum.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String shorten(String key) {
        return key.replace("-service ", ":").replace("mq.halt-after-local-commit.", "halt-after-commit.")
                .replace("restart rocketmq broker", "broker-restart").replace("restart redis", "redis-restart")
                .replace("restart seata-tc", "seata-restart");
    }

    private static String secs(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String render(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            String[] r = rows.get(n);
            if (n == rows.size() - 1) {
                sb.append(line(w)).append('\n');
            }
            for (int i = 0; i < cols; i++) {
                sb.append(i == 0 ? "| " : " | ").append(String.format(Locale.ROOT, "%-" + w[i] + "s", r[i]));
            }
            sb.append(" |\n");
            if (n == 0) {
                sb.append(line(w)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String line(int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "|-" : "-|-").append("-".repeat(w[i]));
        }
        return sb.append("-|").toString();
    }

    /** Every violation of every round, with its evidence; and the fault events. */
    public static String details(List<WorkloadDriver.RoundResult> rounds) {
        StringBuilder sb = new StringBuilder();
        for (WorkloadDriver.RoundResult r : rounds) {
            sb.append(String.format(Locale.ROOT, "round %d %s: %d orders, %d operations, %.0f s; api %s%n", r.round(), r.scenario(),
                    r.orders(), r.operations(), r.durationMillis() / 1000.0, r.apiResults()));
            for (FaultInjector.Event e : r.events()) {
                sb.append("    event: ").append(e).append('\n');
            }
            if (!r.settled()) {
                sb.append("    NOT SETTLED within the bound: ").append(r.unsettledOrders()).append(" order(s) still changing\n");
            }
            for (Violation v : r.violations()) {
                sb.append("    VIOLATION ").append(v).append('\n');
            }
        }
        return sb.toString();
    }

    public static long violations(List<WorkloadDriver.RoundResult> rounds) {
        return rounds.stream().mapToLong(r -> r.violations().size()).sum();
    }
}
