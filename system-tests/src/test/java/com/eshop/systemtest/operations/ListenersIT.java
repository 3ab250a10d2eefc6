package com.eshop.systemtest.operations;

import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.Suite;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every TCP port the suite listens on is bound to 127.0.0.1, never to the wildcard address: read from the kernel's
 * socket tables ({@code /proc/net/tcp}, {@code tcp6}) for the stack's JVM (this one) and every process it started
 * (MariaDB, Redis, the Seata TC, the service JVMs).
 */
class ListenersIT {
    private static final String LISTEN = "0A";
    private static final Pattern SOCKET = Pattern.compile("socket:\\[(\\d+)]");

    record Listener(long pid, String command, String address, int port) {
        boolean isWildcard() {
            return address.equals("0.0.0.0") || address.equals("::");
        }

        @Override
        public String toString() {
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + port + " (pid " + pid + ", " + command + ")";
        }
    }

    @Test
    void noProcessOfTheSuiteListensOnAWildcardAddress() throws IOException {
        Suite.stack();
        List<Listener> listeners = suiteListeners();

        Set<Integer> ports = new TreeSet<>();
        listeners.forEach(l -> ports.add(l.port()));
        List<Integer> expected = new ArrayList<>(List.of(StackPorts.MARIADB, StackPorts.REDIS, StackPorts.ZOOKEEPER,
                StackPorts.ROCKETMQ_NAMESRV, StackPorts.ROCKETMQ_BROKER, StackPorts.ROCKETMQ_BROKER_FAST,
                StackPorts.SEATA_TC, StackPorts.SEATA_CONSOLE, StackPorts.XXL_JOB_EXECUTOR));
        ServiceSpec.ALL.forEach(s -> expected.addAll(List.of(s.httpPort(), s.dubboPort())));
        assertThat(ports).as("ports the suite listens on").containsAll(expected);

        assertThat(listeners).as("listeners on a wildcard address").filteredOn(Listener::isWildcard).isEmpty();
        assertThat(listeners).as("listeners not on 127.0.0.1").allSatisfy(l -> assertThat(l.address()).isEqualTo("127.0.0.1"));
    }

    /** The listening TCP sockets of this JVM and its descendants. */
    private static List<Listener> suiteListeners() throws IOException {
        Map<Long, Long> socketOwners = new HashMap<>();
        Map<Long, String> commands = new HashMap<>();
        Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()).forEach(p -> {
            commands.put(p.pid(), p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?"));
            try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
                for (Path fd : fds) {
                    try {
                        Matcher m = SOCKET.matcher(Files.readSymbolicLink(fd).toString());
                        if (m.matches()) {
                            socketOwners.put(Long.parseLong(m.group(1)), p.pid());
                        }
                    } catch (IOException closedMeanwhile) {
                        // the descriptor was closed between the listing and the read
                    }
                }
            } catch (IOException exited) {
                // the process ended between the listing and the read
            }
        });
        assertThat(commands).as("processes of the suite: this JVM, MariaDB, Redis, the Seata TC, 7 services").hasSizeGreaterThanOrEqualTo(11);

        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                Long pid = socketOwners.get(Long.parseLong(f[9]));
                if (f[3].equals(LISTEN) && pid != null) {
                    String[] local = f[1].split(":");
                    listeners.add(new Listener(pid, commands.get(pid), address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }

    /** An address of /proc/net/tcp[6]: 32-bit words in host (little-endian) byte order, as hex. */
    private static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (4 - i) * 2), 16);
            }
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return address.isAnyLocalAddress() && bytes.length == 16 ? "::" : address.getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + hex, e);
        }
    }
}
