package com.eshop.consistency.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's result: one markdown table (figure, measured, target, database floor, chain / floor), ready for docs/performance.md. */
final class BenchTable {
    private record Row(String figure, String measured, String target, String floor, String ratio) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    void add(String figure, String measured, String target) {
        add(figure, measured, target, "", "");
    }

    synchronized void add(String figure, String measured, String target, String floor, String ratio) {
        rows.add(new Row(figure, measured, target, floor, ratio));
        BenchMain.log(figure + ": " + measured + (target.isEmpty() ? "" : " (target " + target + ")"));
    }

    /** A block printed below the table (e.g. another table). */
    synchronized void addSection(String markdown) {
        sections.add(markdown);
        BenchMain.log(markdown);
    }

    synchronized String format(String runTag, boolean quick) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "bench %s%s, %s, commit %s, %d cores, %.0f GiB RAM, Java %s%n%n", runTag,
                quick ? " (--quick)" : "", LocalDate.now(), gitCommit(), Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                System.getProperty("java.version")));
        sb.append("| figure | measured | target | database floor | chain / floor |\n");
        sb.append("| --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            sb.append("| ").append(r.figure()).append(" | ").append(r.measured()).append(" | ").append(r.target()).append(" | ")
                    .append(r.floor()).append(" | ").append(r.ratio()).append(" |\n");
        }
        sections.forEach(section -> sb.append('\n').append(section));
        return sb.toString();
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static double totalMemoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return 0;
    }
}
