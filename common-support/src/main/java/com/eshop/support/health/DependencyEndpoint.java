package com.eshop.support.health;

import java.util.ArrayList;
import java.util.List;

/** One host:port of a server a service depends on, as its clients are configured with it. */
record DependencyEndpoint(String host, int port) {

    /**
     * The endpoints of a client address in any of the forms the suite configures: {@code host:port},
     * {@code h1:port;h2:port} (RocketMQ name servers), {@code h1:port,h2:port} (Seata grouplist) and a Dubbo registry
     * URL such as {@code zookeeper://h1:2181?backup=h2:2181,h3:2181} or {@code nacos://nacos:8848?namespace=x}.
     */
    static List<DependencyEndpoint> parseAll(String address) {
        List<DependencyEndpoint> endpoints = new ArrayList<>();
        if (address == null || address.isBlank()) {
            return endpoints;
        }
        String withoutScheme = address.contains("://") ? address.substring(address.indexOf("://") + 3) : address;
        String hosts = withoutScheme;
        int query = withoutScheme.indexOf('?');
        if (query >= 0) {
            hosts = withoutScheme.substring(0, query);
            for (String parameter : withoutScheme.substring(query + 1).split("&")) {
                if (parameter.startsWith("backup=")) {
                    hosts += "," + parameter.substring("backup=".length());
                }
            }
        }
        for (String hostAndPort : hosts.split("[,;]")) {
            String trimmed = hostAndPort.trim();
            int colon = trimmed.lastIndexOf(':');
            if (trimmed.isEmpty()) {
                continue;
            }
            if (colon <= 0 || colon == trimmed.length() - 1) {
                throw new IllegalArgumentException("'" + trimmed + "' of '" + address + "' is not host:port");
            }
            int slash = trimmed.indexOf('/', colon);
            String port = slash < 0 ? trimmed.substring(colon + 1) : trimmed.substring(colon + 1, slash);
            endpoints.add(new DependencyEndpoint(trimmed.substring(0, colon), Integer.parseInt(port)));
        }
        return endpoints;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
