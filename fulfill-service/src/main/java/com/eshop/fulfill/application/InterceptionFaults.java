package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault hook for the consistency suite, at point {@link FaultPoints#FULFILL_INTERCEPTION_FAILURE} of the shared
 * {@link FaultSwitches}: fulfillment interception fails after the local cancellation (status change) and the WMS
 * cancellation, so only the global rollback can undo them. Inert unless the service runs with
 * {@code eshop.faults.enabled=true}; the rate starts at {@code eshop.faults.cancel-fulfill-failure-rate} (default 0)
 * and can be changed at runtime through {@code POST /actuator/faults/fulfill.interception-failure}.
 */
@Slf4j
@Component
public class InterceptionFaults {
    private final FaultSwitches faultSwitches;

    public InterceptionFaults(FaultSwitches faultSwitches,
                              @Value("${eshop.faults.cancel-fulfill-failure-rate:0}") double initialRate) {
        this.faultSwitches = faultSwitches;
        if (faultSwitches.isEnabled() && initialRate > 0) {
            faultSwitches.setRate(FaultPoints.FULFILL_INTERCEPTION_FAILURE, initialRate);
            log.warn("FAULT INJECTION: fulfillment interception fails with probability {}", initialRate);
        }
    }

    public void afterPickingCancelled(String orderId) {
        if (faultSwitches.shouldInject(FaultPoints.FULFILL_INTERCEPTION_FAILURE)) {
            log.warn("FAULT INJECTION: interception of order {} fails after the WMS cancellation", orderId);
            throw new BizException(ErrorCode.SYSTEM_ERROR, "injected interception failure");
        }
    }
}
