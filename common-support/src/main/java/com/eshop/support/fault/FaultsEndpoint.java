package com.eshop.support.fault;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.Map;

/** {@code GET /actuator/faults} reports, {@code POST /actuator/faults/{point}} {"rate":0.3} sets. Exists only with faults enabled. */
@Endpoint(id = "faults")
public class FaultsEndpoint {
    private final FaultSwitches faultSwitches;

    public FaultsEndpoint(FaultSwitches faultSwitches) {
        this.faultSwitches = faultSwitches;
    }

    @ReadOperation
    public Map<String, Object> report() {
        return faultSwitches.report();
    }

    @WriteOperation
    public Map<String, Object> set(@Selector String point, double rate) {
        faultSwitches.setRate(point, rate);
        return faultSwitches.report();
    }
}
