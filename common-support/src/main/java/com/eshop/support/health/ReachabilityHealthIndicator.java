package com.eshop.support.health;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UP while at least one endpoint of a server the service depends on accepts a TCP connection within the timeout
 * (its clients fail over to any one of them); DOWN when none does or no address is configured. The readiness group
 * includes one per dependency (registry, broker, seata): an instance that cannot reach them takes no traffic.
 */
public class ReachabilityHealthIndicator extends AbstractHealthIndicator {
    private final String address;
    private final Duration connectTimeout;

    public ReachabilityHealthIndicator(String address, Duration connectTimeout) {
        super("reachability check failed");
        this.address = address;
        this.connectTimeout = connectTimeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<DependencyEndpoint> endpoints = DependencyEndpoint.parseAll(address);
        Map<String, String> reachability = new LinkedHashMap<>();
        boolean anyReachable = false;
        for (DependencyEndpoint endpoint : endpoints) {
            String outcome = connect(endpoint);
            anyReachable |= outcome.equals("reachable");
            reachability.put(endpoint.toString(), outcome);
        }
        builder.status(anyReachable ? "UP" : "DOWN")
                .withDetail("address", address == null ? "" : address)
                .withDetail("endpoints", reachability);
    }

    private String connect(DependencyEndpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), Math.toIntExact(connectTimeout.toMillis()));
            return "reachable";
        } catch (IOException e) {
            return "unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        }
    }
}
