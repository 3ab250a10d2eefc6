package com.eshop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process (a service JVM or the Seata TC) whose stdout+stderr go to a log file and whose pid is kept
 * in a pid file, so that a later launcher can stop it if this one dies with {@code kill -9}. Secrets go into its
 * environment, which only its user can read, not onto its command line, which the log file and {@code ps} show.
 */
final class ChildProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private final Path pidFile;
    private volatile Process process;
    private volatile Instant startedAt;
    private int starts;
    private boolean closed;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile, Path pidFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    List<String> command() {
        return command;
    }

    synchronized void start() throws IOException {
        start(command);
    }

    /** Starts with another command line than the configured one, for this start only. */
    synchronized void start(List<String> command) throws IOException {
        if (closed) {
            throw new IllegalStateException(name + ": the stack is shutting down");
        }
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        Files.createDirectories(logFile.getParent());
        Files.createDirectories(pidFile.getParent());
        // first start of this launcher: fresh log; restarts append, with a separator
        if (starts++ == 0) {
            Files.writeString(logFile, "");
        }
        Files.writeString(logFile, "==== local-stack: starting " + name + " at " + Instant.now() + " ====\n"
                + String.join(" ", command) + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(environment);
        process = pb.start();
        startedAt = Instant.now();
        Files.writeString(pidFile, Long.toString(process.pid()));
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    Optional<Long> pid() {
        Process p = process;
        return p != null && p.isAlive() ? Optional.of(p.pid()) : Optional.empty();
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Exit code if the process has ended, else empty. */
    Optional<Integer> exitCode() {
        Process p = process;
        if (p == null || p.isAlive()) {
            return Optional.empty();
        }
        return Optional.of(p.exitValue());
    }

    /** Final stop: no start after this one (guards against a start racing with the shutdown hook). */
    synchronized void close(Duration timeout) {
        closed = true;
        stop(timeout);
    }

    /** SIGTERM, wait up to {@code timeout}, then SIGKILL. */
    void stop(Duration timeout) {
        Process p = process;
        if (p == null) {
            return;
        }
        try {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            deletePidFile();
        }
    }

    /** SIGKILL, like a crash. */
    void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deletePidFile();
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Last {@code lines} lines of the log file. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            long from = Math.max(0, len - 64 * 1024);
            raf.seek(from);
            byte[] buf = new byte[(int) (len - from)];
            raf.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String line : text.split("\n", -1)) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return String.join("\n", last);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * Stops a process left behind by an earlier launcher (killed with {@code kill -9}), found by its pid file.
     * The pid is only acted on if the command line of that process contains {@code marker} (pids get reused).
     */
    static void killStale(Path pidFile, String marker, Consumer<String> log) {
        killStale(pidFile, marker, true, log);
    }

    /**
     * As {@link #killStale(Path, String, Consumer)}; {@code graceful=false} sends SIGKILL at once (service JVMs left
     * without their ZooKeeper take 15 s+ to shut down gracefully, and nothing is gained by waiting).
     */
    static void killStale(Path pidFile, String marker, boolean graceful, Consumer<String> log) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive() && commandLine(pid).contains(marker)) {
                log.accept("stopping stale " + pidFile.getFileName().toString().replace(".pid", "")
                        + " (pid " + pid + ") left by an earlier run");
                ProcessHandle h = handle.get();
                if (graceful) {
                    h.destroy();
                } else {
                    h.destroyForcibly();
                }
                try {
                    h.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // reported by the port check
                    }
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            log.accept("ignoring unreadable pid file " + pidFile + ": " + e);
        }
    }

    /** Command line of a process from /proc (NUL separators turned into spaces); empty if unknown. */
    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}, ...) to a process with {@code kill}; fails if it was not delivered. */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            String out = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pid, e);
        }
    }

    /**
     * CPU time a process has used so far (user + system, all its threads) in milliseconds, from /proc/&lt;pid&gt;/stat;
     * -1 when it cannot be read.
     */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / ClockTicks.PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The kernel's clock ticks per second, the unit of /proc/&lt;pid&gt;/stat's CPU times. */
    private static final class ClockTicks {
        static final long PER_SECOND = read();

        private static long read() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
            } catch (IOException | RuntimeException e) {
                return 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 100;
            }
        }
    }

    /** Resident set size in MiB from /proc, or -1. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Long.parseLong(kb) / 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux or gone
        }
        return -1;
    }
}
