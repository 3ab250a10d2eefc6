package com.eshop.stack;

import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/** Redis 6.2 from embedded-redis (bundled binary, child process) on 127.0.0.1, no persistence. */
final class RedisServerRunner extends PidFileServer {

    private final Path dir;
    private final Path logFile;
    private final int port;
    private final Consumer<String> log;
    private volatile RedisServer server;
    private BufferedWriter logWriter;

    RedisServerRunner(Path dir, Path logFile, int port, Consumer<String> log) {
        this.dir = dir;
        this.logFile = logFile;
        this.port = port;
        this.log = log;
    }

    @Override
    Path pidFile() {
        return dir.resolve("redis.pid");
    }

    synchronized void start() throws IOException {
        refuseStartWhenClosed();
        ChildProcess.killStale(pidFile(), ":" + port, log);
        Files.createDirectories(dir);
        Files.createDirectories(logFile.getParent());
        logWriter = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        BufferedWriter w = logWriter;
        Consumer<String> toLog = line -> {
            try {
                synchronized (w) {
                    w.write(line);
                    w.newLine();
                    w.flush();
                }
            } catch (IOException ignored) {
                // log file closed on stop
            }
        };
        Files.createDirectories(dir.resolve("bin"));
        RedisServer s = RedisServer.newRedisServer()
                // binary unpacked under the data dir, not into a fresh /tmp dir per start (left behind by kill -9)
                .executableProvider(ExecutableProvider.newJarResourceProvider(dir.resolve("bin").toFile()))
                .port(port)
                .bind(StackPorts.HOST)
                .setting("daemonize no")
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + dir)
                .setting("pidfile " + pidFile())
                .onShutdownForceStop(false)
                .soutListener(toLog)
                .serrListener(toLog)
                .build();
        s.start();
        server = s;
    }

    @Override
    synchronized void stop() {
        RedisServer s = server;
        server = null;
        if (s != null) {
            try {
                s.stop();
            } catch (IOException e) {
                log.accept("redis stop failed: " + e.getMessage());
            }
        }
        try {
            Files.deleteIfExists(pidFile());
            if (logWriter != null) {
                logWriter.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    boolean isRunning() {
        return server != null && server.isActive();
    }
}
