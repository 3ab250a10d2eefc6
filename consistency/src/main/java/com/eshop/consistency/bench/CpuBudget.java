package com.eshop.consistency.bench;

import com.eshop.stack.LocalStack;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CPU each process of the stack spends per order: readings of every process's CPU time (/proc/&lt;pid&gt;/stat)
 * before and after a phase, divided by the orders it completed. 40 orders/s on 2 cores leaves 50 ms of CPU per order
 * in all; the table shows where each millisecond goes, next to what the database floor spends for the same SQL.
 */
final class CpuBudget {
    private final LocalStack stack;
    private final Map<String, Long> start;
    private final long startNanos = System.nanoTime();

    private CpuBudget(LocalStack stack) {
        this.stack = stack;
        this.start = stack.cpuMillis();
    }

    static CpuBudget start(LocalStack stack) {
        return new CpuBudget(stack);
    }

    /** CPU ms per order of each process since the start, and the wall-clock seconds it took. */
    Spent perOrder(int orders) {
        Map<String, Long> now = stack.cpuMillis();
        Map<String, Double> perOrder = new LinkedHashMap<>();
        now.forEach((process, ms) -> {
            Long before = start.get(process);
            if (before != null && orders > 0) {
                perOrder.put(process, (ms - before) / (double) orders);
            }
        });
        return new Spent(perOrder, orders, (System.nanoTime() - startNanos) / 1e9);
    }

    record Spent(Map<String, Double> msPerOrder, int orders, double seconds) {
        double total() {
            return msPerOrder.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** CPU ms per order the machine had: all its cores for the phase's wall-clock time. */
        double availablePerOrder() {
            return orders == 0 ? 0 : Runtime.getRuntime().availableProcessors() * seconds * 1000 / orders;
        }

        /** One line: each process's CPU ms per order, the total and what the cores had. */
        String line() {
            StringBuilder sb = new StringBuilder();
            msPerOrder.forEach((process, ms) -> sb.append(process).append(' ').append(fmt(ms)).append(", "));
            return sb.append("all ").append(fmt(total())).append(" of ").append(fmt(availablePerOrder())).append(" available").toString();
        }
    }

    /** The markdown table of the chain's CPU per cancelled order by process, beside the database floor's. */
    static String table(Spent chain, Spent floor) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "CPU per order by process (/proc/<pid>/stat): the chain phase, %d orders in %.1f s;"
                + " the database floor, %d orders in %.1f s%n%n", chain.orders(), chain.seconds(), floor.orders(), floor.seconds()));
        sb.append("| process | chain: CPU ms per cancelled order | share | database floor: CPU ms per order |\n");
        sb.append("| --- | --- | --- | --- |\n");
        Set<String> processes = new LinkedHashSet<>(chain.msPerOrder().keySet());
        processes.addAll(floor.msPerOrder().keySet());
        double total = chain.total();
        for (String process : processes) {
            Double ms = chain.msPerOrder().get(process);
            Double floorMs = floor.msPerOrder().get(process);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", describe(process), ms == null ? "" : fmt(ms),
                    ms == null || total <= 0 ? "" : String.format(Locale.ROOT, "%.0f %%", 100 * ms / total), floorMs == null ? "" : fmt(floorMs)));
        }
        sb.append(String.format(Locale.ROOT, "| **all processes** (target ≤ 50 ms: 40/s on 2 cores) | **%s** | 100 %% | **%s** |%n",
                fmt(total), fmt(floor.total())));
        sb.append(String.format(Locale.ROOT, "| the machine's cores over the phase's time | %s | | %s |%n",
                fmt(chain.availablePerOrder()), fmt(floor.availablePerOrder())));
        return sb.toString();
    }

    private static String describe(String process) {
        return process.equals("launcher JVM") ? "launcher JVM: ZooKeeper, name server, broker, gateway simulator, the bench's clients" : process;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
