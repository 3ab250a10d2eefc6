package com.eshop.stack;

import java.nio.file.Path;
import java.util.Optional;

/** A server the stack runs as its own JVM ({@link ChildProcess}): what every such runner answers alike. */
abstract class ChildProcessRunner {

    protected final ChildProcess process;

    ChildProcessRunner(ChildProcess process) {
        this.process = process;
    }

    void kill() {
        process.kill();
    }

    boolean isRunning() {
        return process.isAlive();
    }

    Optional<Long> pid() {
        return process.pid();
    }

    Path logFile() {
        return process.logFile();
    }

    String tail(int lines) {
        return process.tail(lines);
    }

    /** {@code message}, then the last {@code lines} lines of the process' log: why a start failed. */
    String withLogTail(String message, int lines) {
        return message + "\n--- last " + lines + " lines of " + process.logFile() + " ---\n" + process.tail(lines);
    }
}
