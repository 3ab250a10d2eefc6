package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.FaultPoints;
import com.eshop.support.error.BizException;
import com.eshop.support.fault.FaultSwitches;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterceptionFaultsTest {

    @Test
    void inertWhenFaultInjectionIsDisabledWhateverTheRate() {
        InterceptionFaults faults = new InterceptionFaults(FaultSwitches.disabled(), 1.0);
        assertThatCode(() -> faults.afterPickingCancelled("O1")).doesNotThrowAnyException();
    }

    @Test
    void failsAtTheSharedPointsRateWhichCanChangeAtRuntime() {
        FaultSwitches switches = new FaultSwitches(true, Map.of());
        InterceptionFaults faults = new InterceptionFaults(switches, 0);
        assertThatCode(() -> faults.afterPickingCancelled("O1")).doesNotThrowAnyException();

        switches.setRate(FaultPoints.FULFILL_INTERCEPTION_FAILURE, 1.0); // POST /actuator/faults/fulfill.interception-failure
        assertThatThrownBy(() -> faults.afterPickingCancelled("O1")).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR);
            assertThat(e.getMessage()).isEqualTo("injected interception failure");
        });
    }

    @Test
    void theConfiguredRateIsTheInitialRate() {
        InterceptionFaults faults = new InterceptionFaults(new FaultSwitches(true, Map.of()), 1.0);
        assertThatThrownBy(() -> faults.afterPickingCancelled("O1")).isInstanceOf(BizException.class);
    }
}
