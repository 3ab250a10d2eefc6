package com.eshop.stack;

import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * ZooKeeper 3.9 in-process ({@link ZooKeeperServerEmbedded}) on 127.0.0.1, admin server off. Its data dir is
 * wiped at every start: it only holds Dubbo registrations, which are runtime state.
 */
final class ZooKeeperRunner {

    private final Path dir;
    private final int port;
    private volatile ZooKeeperServerEmbedded server;

    ZooKeeperRunner(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    synchronized void start() throws Exception {
        FileTree.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("data"));
        Properties p = new Properties();
        p.setProperty("clientPort", Integer.toString(port));
        p.setProperty("clientPortAddress", StackPorts.HOST);
        p.setProperty("dataDir", dir.resolve("data").toString());
        p.setProperty("tickTime", "2000");
        p.setProperty("initLimit", "10");
        p.setProperty("syncLimit", "5");
        // seven services x (registry + config centre + metadata) connections, all from 127.0.0.1
        p.setProperty("maxClientCnxns", "0");
        p.setProperty("admin.enableServer", "false");
        p.setProperty("4lw.commands.whitelist", "ruok,srvr,stat,mntr");
        p.setProperty("autopurge.snapRetainCount", "3");
        p.setProperty("autopurge.purgeInterval", "1");
        ZooKeeperServerEmbedded s = ZooKeeperServerEmbedded.builder()
                .baseDir(dir)
                .configuration(p)
                .exitHandler(ExitHandler.LOG_ONLY)
                .build();
        s.start(30_000);
        server = s;
    }

    /** Not synchronized with start(): a start that hangs must not block the shutdown hook. */
    void stop() {
        ZooKeeperServerEmbedded s = server;
        server = null;
        if (s != null) {
            s.close();
        }
    }

    boolean isRunning() {
        return server != null;
    }
}
