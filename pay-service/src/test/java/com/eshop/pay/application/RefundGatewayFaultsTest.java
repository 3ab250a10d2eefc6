package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefundGatewayFaultsTest {

    @Test
    void inertWhenFaultInjectionIsDisabledWhateverTheRate() {
        RefundGatewayFaults faults = new RefundGatewayFaults(FaultSwitches.disabled(), 1.0, Duration.ZERO);
        assertThatCode(() -> faults.beforeRefund("R1")).doesNotThrowAnyException();
    }

    @Test
    void inertAtRateZero() {
        RefundGatewayFaults faults = new RefundGatewayFaults(new FaultSwitches(true, Map.of()), 0, Duration.ZERO);
        assertThatCode(() -> faults.beforeRefund("R1")).doesNotThrowAnyException();
    }

    @Test
    void theConfiguredRateIsTheInitialRateOfTheSharedPoint() {
        FaultSwitches switches = new FaultSwitches(true, Map.of());
        RefundGatewayFaults faults = new RefundGatewayFaults(switches, 1.0, Duration.ZERO);

        assertThatThrownBy(() -> faults.beforeRefund("R1")).isInstanceOfSatisfying(BizException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.PAY_GATEWAY_UNAVAILABLE));

        switches.setRate(FaultPoints.PAY_REFUND_FAILURE, 0); // what POST /actuator/faults/pay.refund-failure does
        assertThatCode(() -> faults.beforeRefund("R1")).doesNotThrowAnyException();
    }
}
