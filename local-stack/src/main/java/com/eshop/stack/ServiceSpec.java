package com.eshop.stack;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * One of the seven services: its name (= Maven module dir and jar name), actuator HTTP port and Dubbo port.
 * The jar is expected at {@code <repo>/<module>/target/<module>.jar}.
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

    public static ServiceSpec byName(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("unknown service '" + name + "', known: "
                        + ALL.stream().map(ServiceSpec::name).toList()));
    }

    /** Maven module directory (relative to the repo root); equal to the name. */
    public String module() {
        return name;
    }

    public String healthUrl() {
        return "http://" + StackPorts.HOST + ":" + httpPort + "/actuator/health";
    }
}
