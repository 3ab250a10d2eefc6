package com.eshop.stack;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One of the seven services, or the second instance of one ({@link #replica()}, for the scaled-out stack): its name
 * (= Maven module dir and jar name, plus {@link #REPLICA_SUFFIX} for a second instance), actuator HTTP port and
 * Dubbo port. The jar is expected at {@code <repo>/<module>/target/<module>.jar}.
 */
public record ServiceSpec(String name, int httpPort, int dubboPort) {

    public static final String ORDER = "order-service";
    public static final String FULFILL = "fulfill-service";
    public static final String WMS = "wms-service";
    public static final String TMS = "tms-service";
    public static final String MARKET = "market-service";
    public static final String INVENTORY = "inventory-service";
    public static final String PAY = "pay-service";

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec(ORDER, 18080, 21880),
            new ServiceSpec(FULFILL, 18081, 21881),
            new ServiceSpec(WMS, 18082, 21882),
            new ServiceSpec(TMS, 18083, 21883),
            new ServiceSpec(MARKET, 18084, 21884),
            new ServiceSpec(INVENTORY, 18085, 21885),
            new ServiceSpec(PAY, 18086, 21886));

    /** The services that run twice in a scaled-out stack (LocalStackConfig#scaleOut). */
    public static final List<String> SCALED_OUT = List.of(ORDER, FULFILL, PAY);
    public static final String REPLICA_SUFFIX = "-2";
    /** A second instance listens this much above its first's ports. */
    public static final int REPLICA_PORT_OFFSET = 100;

    public static ServiceSpec byName(String name) {
        String base = name.endsWith(REPLICA_SUFFIX) ? name.substring(0, name.length() - REPLICA_SUFFIX.length()) : name;
        ServiceSpec spec = ALL.stream().filter(s -> s.name.equals(base)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("unknown service '" + name + "', known: "
                        + ALL.stream().map(ServiceSpec::name).toList() + " and their replicas (name" + REPLICA_SUFFIX + ")"));
        return base.equals(name) ? spec : spec.replica();
    }

    /** The second instance of this service: same jar, ports {@link #REPLICA_PORT_OFFSET} higher. */
    public ServiceSpec replica() {
        return new ServiceSpec(name + REPLICA_SUFFIX, httpPort + REPLICA_PORT_OFFSET, dubboPort + REPLICA_PORT_OFFSET);
    }

    public boolean isReplica() {
        return name.endsWith(REPLICA_SUFFIX);
    }

    /** Maven module directory (relative to the repo root): the service's name without the replica suffix. */
    public String module() {
        return isReplica() ? name.substring(0, name.length() - REPLICA_SUFFIX.length()) : name;
    }

    /** UP once the providers are registered and the servers the service needs are reachable. */
    public String readinessUrl() {
        return "http://" + StackPorts.HOST + ":" + httpPort + "/actuator/health/readiness";
    }

    /** UP while the JVM serves, whatever the servers it depends on do. */
    public String livenessUrl() {
        return "http://" + StackPorts.HOST + ":" + httpPort + "/actuator/health/liveness";
    }
}
