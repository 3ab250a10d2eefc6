package com.eshop.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The stack's ports are fixed, so only one stack can run per machine, whatever its data dir. An OS file lock
 * (released by the kernel even on kill -9) makes a second one fail at once with a clear message instead of racing
 * the first one for the ports.
 */
final class MachineLock implements AutoCloseable {

    /**
     * /tmp, not java.io.tmpdir: a test runner may point that elsewhere, and the lock must be machine-wide. One lock
     * per network namespace: the ports only collide within one (a stack in its own namespace may run beside).
     */
    static final Path FILE = (Files.isDirectory(Path.of("/tmp")) ? Path.of("/tmp")
            : Path.of(System.getProperty("java.io.tmpdir"))).resolve("eshop-local-stack" + networkNamespace() + ".lock");

    private static String networkNamespace() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString();
            return "-" + link.replaceAll("[^0-9]", "");
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MachineLock acquire(Path dataDir, Duration wait) throws IOException, InterruptedException {
        FileChannel ch = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null; // held by this JVM already
            }
            if (l != null) {
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", data dir " + dataDir + "\n")
                        .getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                return new MachineLock(ch, l);
            }
            if (System.nanoTime() > deadline) {
                String holder;
                try {
                    holder = Files.readString(FILE).trim();
                } catch (IOException e) {
                    holder = "unknown";
                }
                ch.close();
                throw new IllegalStateException("another local stack is running on this machine (" + holder
                        + "); its ports are fixed, so stop it first (lock " + FILE + ")");
            }
            Thread.sleep(1000);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // released by the OS on exit anyway
        }
    }
}
