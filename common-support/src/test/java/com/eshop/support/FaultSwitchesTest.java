package com.eshop.support;

import com.eshop.common.api.FaultPoints;
import com.eshop.support.fault.FaultSwitches;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultSwitchesTest {
    @Test
    void disabledSwitchesNeverInjectAndCannotBeTurnedOn() {
        FaultSwitches switches = new FaultSwitches(false, Map.of(FaultPoints.MQ_CONSUME_FAILURE, 1.0));

        assertThat(switches.shouldInject(FaultPoints.MQ_CONSUME_FAILURE)).isFalse();
        assertThatThrownBy(() -> switches.setRate(FaultPoints.MQ_CONSUME_FAILURE, 1.0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void enabledSwitchesInjectAtTheirRateAndCountIt() {
        FaultSwitches switches = new FaultSwitches(true, Map.of());
        switches.setRate(FaultPoints.PAY_REFUND_FAILURE, 1.0);

        assertThat(switches.shouldInject(FaultPoints.PAY_REFUND_FAILURE)).isTrue();
        assertThat(switches.shouldInject(FaultPoints.MQ_DUPLICATE_DELIVERY)).isFalse();
        assertThat(switches.report()).containsEntry(FaultPoints.PAY_REFUND_FAILURE, Map.of("rate", 1.0, "injected", 1L));
    }
}
