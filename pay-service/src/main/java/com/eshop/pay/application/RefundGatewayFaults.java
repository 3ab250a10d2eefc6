package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault hook for the consistency suite: an unavailable refund gateway, at point {@link FaultPoints#PAY_REFUND_FAILURE}
 * of the shared {@link FaultSwitches}. Inert unless the service runs with {@code eshop.faults.enabled=true}; then
 * each refund fails with the point's rate, before anything is written. The rate starts at
 * {@code eshop.faults.pay-refund-failure-rate} (default 0) and can be changed at runtime through
 * {@code POST /actuator/faults/pay.refund-failure}.
 */
@Slf4j
@Component
public class RefundGatewayFaults {
    private final FaultSwitches faultSwitches;

    public RefundGatewayFaults(FaultSwitches faultSwitches,
                               @Value("${eshop.faults.pay-refund-failure-rate:0}") double initialRate) {
        this.faultSwitches = faultSwitches;
        if (faultSwitches.isEnabled() && initialRate > 0) {
            faultSwitches.setRate(FaultPoints.PAY_REFUND_FAILURE, initialRate);
            log.warn("FAULT INJECTION: refunds fail with probability {}", initialRate);
        }
    }

    public void beforeRefund(String refundRequestId) {
        if (faultSwitches.shouldInject(FaultPoints.PAY_REFUND_FAILURE)) {
            log.warn("FAULT INJECTION: refund {} refused as gateway unavailable", refundRequestId);
            throw new BizException(ErrorCode.PAY_GATEWAY_UNAVAILABLE, "injected refund gateway failure");
        }
    }
}
