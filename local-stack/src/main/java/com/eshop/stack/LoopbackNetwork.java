package com.eshop.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * docs/local-stack-notes.md "Network": where the machine's hostname resolves to a non-loopback address, child JVMs get
 * {@code -Djdk.net.hosts.file=<file>} mapping localhost and the hostname to 127.0.0.1.
 */
final class LoopbackNetwork {
    private LoopbackNetwork() {
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "localhost";
        }
    }

    static boolean hostnameIsLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Writes the hosts file and returns it, or empty when the hostname already resolves to loopback only. */
    static Optional<Path> hostsFileIfNeeded(Path dir) throws IOException {
        String host = hostname();
        if (hostnameIsLoopback(host)) {
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("hosts");
        Files.writeString(file, "127.0.0.1 localhost " + host + "\n::1 localhost ip6-localhost\n");
        return Optional.of(file);
    }
}
