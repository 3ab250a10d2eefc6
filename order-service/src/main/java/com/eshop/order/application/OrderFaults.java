package com.eshop.order.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the consistency suite. Inert unless BOTH {@code eshop.faults.enabled=true} and the
 * specific switch are set, so a normal run cannot enable it by accident.
 */
@Component
public class OrderFaults {
    private final boolean dropPayTimeoutMessages;

    public OrderFaults(@Value("${eshop.faults.enabled:false}") boolean enabled,
                       @Value("${eshop.faults.drop-pay-timeout-messages:false}") boolean dropPayTimeoutMessages) {
        this.dropPayTimeoutMessages = enabled && dropPayTimeoutMessages;
    }

    /** Simulates a lost pay-timeout message: only the scan job can then cancel the order. */
    public boolean dropPayTimeoutMessage() {
        return dropPayTimeoutMessages;
    }
}
