package com.eshop.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Port probes on 127.0.0.1. */
final class Net {
    private Net() {
    }

    static boolean isListening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(StackPorts.HOST, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True if nothing listens on the port on any address (a bind on 0.0.0.0 is what a server would try). */
    static boolean isFree(int port) {
        if (isListening(port)) {
            return false;
        }
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(StackPorts.HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits until {@code port} accepts connections. Fails early when {@code stillAlive} turns false.
     */
    static void awaitListening(String what, int port, long timeoutMs, BooleanSupplier stillAlive, String diagnostics)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!isListening(port)) {
            if (!stillAlive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before port " + port + " opened" + diagnostics);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(what + ": port " + port + " not open after " + timeoutMs + " ms"
                        + diagnostics);
            }
            Thread.sleep(200);
        }
    }

    /** Who holds a listening port, from {@code ss} (best effort, for error messages). */
    static String owner(int port) {
        try {
            Process p = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(5, TimeUnit.SECONDS);
            return out.isEmpty() ? "unknown owner" : out;
        } catch (IOException e) {
            return "unknown owner";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown owner";
        }
    }
}
