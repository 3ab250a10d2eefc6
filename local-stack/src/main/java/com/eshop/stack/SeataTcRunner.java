package com.eshop.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Seata TC 2.0.0 as its own JVM: {@code java -cp 'local-stack/seata-tc/target/classes:local-stack/seata-tc/target/lib/*'
 * io.seata.server.ServerApplication} (the classes: a NettyServerBootstrap that binds the TC port to 127.0.0.1) with file
 * config and registry, and its sessions and global locks in the {@code seata} database of the local
 * MariaDB (store.mode=db, schema sql/seata.sql; the file store of 2.0.0 can leak row locks). Settings as -D
 * properties: it rejects --spring.* args. Its console (user {@value #CONSOLE_USER}) gets a password and a token-signing
 * key of its own at every start, instead of the defaults in seata-server's jar that anyone can read; the password is
 * in {@code <data dir>/seata/console.password}.
 */
final class SeataTcRunner extends ChildProcessRunner {

    static final String MAIN_CLASS = "io.seata.server.ServerApplication";
    static final String CONSOLE_USER = "seata";

    private final Path dir;
    private final Path libDir;
    private final String consolePassword;

    SeataTcRunner(Path dir, Path libDir, Path logFile, Path pidFile, String marker, LocalStackConfig config,
                  Optional<Path> hostsFile, String storeJdbcUrl) {
        this(dir, libDir, logFile, pidFile, marker, config, hostsFile, storeJdbcUrl, Secrets.random256Bits());
    }

    private SeataTcRunner(Path dir, Path libDir, Path logFile, Path pidFile, String marker, LocalStackConfig config,
                          Optional<Path> hostsFile, String storeJdbcUrl, String consolePassword) {
        super(new ChildProcess("seata-tc", command(dir, libDir, marker, config, hostsFile, storeJdbcUrl),
                consoleSecrets(consolePassword), dir, logFile, pidFile));
        this.dir = dir;
        this.libDir = libDir;
        this.consolePassword = consolePassword;
    }

    private static Map<String, String> consoleSecrets(String consolePassword) {
        return Map.of("CONSOLE_USER_PASSWORD", consolePassword, "SEATA_SECURITY_SECRETKEY", Secrets.random256Bits());
    }

    private static List<String> command(Path dir, Path libDir, String marker, LocalStackConfig config, Optional<Path> hostsFile,
                                        String storeJdbcUrl) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ChildProcess.javaExecutable());
        cmd.addAll(config.seataJvmOptions());
        cmd.add(marker);
        cmd.add("-Duser.home=" + dir.resolve("home"));
        cmd.add("-Djava.io.tmpdir=" + dir.resolve("tmp"));
        hostsFile.ifPresent(f -> cmd.add("-Djdk.net.hosts.file=" + f));
        cmd.add("-Dseata.server.service-port=" + StackPorts.SEATA_TC);
        cmd.add("-Deshop.seata-tc.bind-address=" + StackPorts.HOST);
        cmd.add("-Dserver.port=" + StackPorts.SEATA_CONSOLE);
        cmd.add("-Dserver.address=" + StackPorts.HOST);
        cmd.add("-Dseata.config.type=file");
        cmd.add("-Dseata.registry.type=file");
        if (config.seataStoreMode() == SeataStoreMode.FILE) {
            cmd.add("-Dseata.store.mode=file");
            cmd.add("-Dseata.store.file.dir=" + dir.resolve("sessionStore"));
        } else {
            cmd.add("-Dseata.store.mode=db");
            cmd.add("-Dseata.store.db.datasource=hikari");
            cmd.add("-Dseata.store.db.db-type=mysql");
            cmd.add("-Dseata.store.db.driver-class-name=com.mysql.cj.jdbc.Driver");
            cmd.add("-Dseata.store.db.url=" + storeJdbcUrl + "&rewriteBatchedStatements=true&useLocalSessionState=true"
                    + "&elideSetAutoCommits=true&cachePrepStmts=true&cacheServerConfiguration=true");
            cmd.add("-Dseata.store.db.user=root");
            cmd.add("-Dseata.store.db.password=");
            cmd.add("-Dseata.store.db.min-conn=2");
            cmd.add("-Dseata.store.db.max-conn=20");
        }
        cmd.add("-Dlogging.file.path=" + dir.resolve("logs"));
        // at INFO the TC logs every branch registration and report: a quarter of its CPU under load
        cmd.add("-Dlogging.level.io.seata=WARN");
        cmd.add("-cp");
        cmd.add(libDir.resolveSibling("classes") + File.pathSeparator + libDir + "/*");
        cmd.add(MAIN_CLASS);
        return cmd;
    }

    Path consolePasswordFile() {
        return dir.resolve("console.password");
    }

    void checkInstalled() {
        boolean present;
        try (Stream<Path> jars = Files.isDirectory(libDir) ? Files.list(libDir) : Stream.empty()) {
            present = jars.anyMatch(p -> p.getFileName().toString().startsWith("seata-server"));
        } catch (IOException e) {
            present = false;
        }
        Path bindPatch = libDir.resolveSibling("classes").resolve("io/seata/core/rpc/netty/NettyServerBootstrap.class");
        if (!present || !Files.isRegularFile(bindPatch)) {
            throw new IllegalStateException("Seata TC classpath missing: " + (present ? "no " + bindPatch
                    : "no seata-server jar in " + libDir)
                    + ". Build it first: mvn -B -pl local-stack/seata-tc package (run-local.sh does this)");
        }
    }

    void start() throws IOException, InterruptedException {
        checkInstalled();
        Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("tmp"));
        Secrets.writeOwnerOnly(consolePasswordFile(), consolePassword);
        process.start();
        try {
            // the TC port opens when the coordinator is ready, the console (Spring Boot) around the same time
            Net.awaitListening("seata-tc", StackPorts.SEATA_TC, 120_000, process::isAlive, "");
            Net.awaitListening("seata-tc console", StackPorts.SEATA_CONSOLE, 60_000, process::isAlive, "");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(withLogTail(e.getMessage(), 40), e);
        }
    }

    void stop() {
        process.stop(java.time.Duration.ofSeconds(20));
    }

    /** Final stop: SIGTERM, SIGKILL after {@code timeout} (its sessions are in the database). */
    void close(java.time.Duration timeout) {
        process.close(timeout);
    }
}
