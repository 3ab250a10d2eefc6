package com.eshop.support.health;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityHealthIndicatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Test
    void upWhileTheServerAcceptsConnections() throws IOException {
        try (ServerSocket server = listening()) {
            Health health = new ReachabilityHealthIndicator("127.0.0.1:" + server.getLocalPort(), TIMEOUT).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(endpoints(health)).containsEntry("127.0.0.1:" + server.getLocalPort(), "reachable");
        }
    }

    @Test
    void downOnceTheServerIsGone() throws IOException {
        int port;
        try (ServerSocket server = listening()) {
            port = server.getLocalPort();
        }

        Health health = new ReachabilityHealthIndicator("zookeeper://127.0.0.1:" + port, TIMEOUT).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(endpoints(health).get("127.0.0.1:" + port)).startsWith("unreachable: ");
    }

    @Test
    void upWhenOneOfSeveralEndpointsAnswersAsTheClientsFailOver() throws IOException {
        int gone;
        try (ServerSocket server = listening()) {
            gone = server.getLocalPort();
        }
        try (ServerSocket server = listening()) {
            Health health = new ReachabilityHealthIndicator("127.0.0.1:" + gone + ";127.0.0.1:" + server.getLocalPort(),
                    TIMEOUT).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(endpoints(health)).hasSize(2);
        }
    }

    @Test
    void downWithoutAnyAddress() {
        assertThat(new ReachabilityHealthIndicator("", TIMEOUT).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new ReachabilityHealthIndicator(null, TIMEOUT).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> endpoints(Health health) {
        return (Map<String, String>) health.getDetails().get("endpoints");
    }
}
