package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Fault hooks for the consistency suite, points of the shared {@link FaultSwitches}, inert unless the service runs
 * with {@code eshop.faults.enabled=true}: {@link FaultPoints#PAY_REFUND_FAILURE} refuses a refund before anything is
 * written (rate starts at {@code eshop.faults.pay-refund-failure-rate}, default 0); {@link FaultPoints#PAY_REFUND_TIMEOUT}
 * performs it and then holds the answer for {@code eshop.faults.refund-answer-delay} (default 16 s, longer than the
 * callers' 15 s Dubbo timeout), so the caller sees a timeout of a refund that happened. Rates change at runtime through
 * {@code POST /actuator/faults/<point>}.
 */
@Slf4j
@Component
public class RefundGatewayFaults {
    private final FaultSwitches faultSwitches;
    private final Duration answerDelay;

    public RefundGatewayFaults(FaultSwitches faultSwitches,
                               @Value("${eshop.faults.pay-refund-failure-rate:0}") double initialRate,
                               @Value("${eshop.faults.refund-answer-delay:16s}") Duration answerDelay) {
        this.faultSwitches = faultSwitches;
        this.answerDelay = answerDelay;
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

    /** Called after a refund was recorded: the answer may be late. */
    public void afterRefund(String refundRequestId) {
        if (faultSwitches.shouldInject(FaultPoints.PAY_REFUND_TIMEOUT)) {
            log.warn("FAULT INJECTION: refund {} done, answer held for {}", refundRequestId, answerDelay);
            try {
                Thread.sleep(answerDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
