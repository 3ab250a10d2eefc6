package com.eshop.order.application;

import com.eshop.common.api.FaultPoints;
import com.eshop.support.fault.FaultSwitches;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Component;

/** order-service's own fault-injection points (inert unless the service runs with eshop.faults.enabled=true). */
@Slf4j
@Component
@RequiredArgsConstructor
public class OrderFaults {
    private final FaultSwitches faultSwitches;

    /** Simulates a lost pay-timeout message: only the scan job can then cancel the order. */
    public boolean dropPayTimeoutMessage() {
        return faultSwitches.shouldInject(FaultPoints.ORDER_DROP_PAY_TIMEOUT_MESSAGE);
    }

    /** Dies like kill -9 in the middle of the cancel global transaction: the coordinator must roll it back. */
    public void maybeHaltInsideCancelTransaction(String orderId) {
        if (faultSwitches.shouldInject(FaultPoints.ORDER_HALT_INSIDE_CANCEL_TRANSACTION)) {
            log.error("fault injection: halting inside the cancel global transaction of {}", orderId);
            Runtime.getRuntime().halt(137);
        }
    }
}
