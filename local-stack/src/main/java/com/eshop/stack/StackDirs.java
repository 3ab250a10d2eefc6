package com.eshop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The data directory of a stack: its layout (logs, pids, home, tmp), the launcher's pid file, and the markers on the
 * command lines of its child JVMs, by which the JVMs an earlier launcher left behind are found.
 */
final class StackDirs {
    private static final String MARKER_PREFIX = "-Deshop.local-stack.component=";

    final Path dataDir;
    final Path logDir;
    final Path pidDir;

    StackDirs(Path dataDir) {
        this.dataDir = dataDir;
        this.logDir = dataDir.resolve("logs");
        this.pidDir = dataDir.resolve("pids");
    }

    String marker(String component) {
        return MARKER_PREFIX + component + "@" + dataDir;
    }

    Path pidFile(String component) {
        return pidDir.resolve(component + ".pid");
    }

    Path log(String component) {
        return logDir.resolve(component + ".log");
    }

    /** user.home of the child JVMs. */
    Path home() {
        return dataDir.resolve("home");
    }

    /** java.io.tmpdir of one service. */
    Path tmp(String service) {
        return dataDir.resolve("tmp").resolve(service);
    }

    private Path launcherPid() {
        return pidDir.resolve("launcher.pid");
    }

    void checkNoOtherLauncher() throws IOException {
        Path launcherPid = launcherPid();
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
    void killStaleChildren(Consumer<String> progress) {
        if (!Files.isDirectory(pidDir)) {
            return;
        }
        List<Runnable> kills = new ArrayList<>();
        kills.add(() -> ChildProcess.killStale(pidFile("seata-tc"), marker("seata-tc"), false, progress));
        for (ServiceSpec s : ServiceSpec.ALL) {
            for (ServiceSpec instance : List.of(s, s.replica())) {
                kills.add(() -> ChildProcess.killStale(pidFile(instance.name()), marker(instance.name()), false, progress));
            }
        }
        Parallel.run(kills);
    }

    /** The logs, pids and home directories, and the launcher's pid file naming this JVM. */
    void createAndClaim() throws IOException {
        Files.createDirectories(logDir);
        Files.createDirectories(pidDir);
        Files.createDirectories(home());
        Files.writeString(launcherPid(), Long.toString(ProcessHandle.current().pid()));
    }

    void createServiceDirs(List<String> services) {
        try {
            Files.createDirectories(home());
            for (String n : services) {
                Files.createDirectories(tmp(n));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the launcher's pid file if it still names this JVM. */
    void releaseClaim() {
        try {
            Path launcherPid = launcherPid();
            if (Files.isRegularFile(launcherPid)
                    && Files.readString(launcherPid).trim().equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(launcherPid);
            }
        } catch (IOException ignored) {
            // best effort
        }
    }
}
