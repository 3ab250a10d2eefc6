package com.eshop.consistency;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultClassTest {

    @Test
    void onlyFaultsThatFiredCountAsInjected() {
        assertEquals(EnumSet.of(FaultClass.DUPLICATE_DELIVERY, FaultClass.LOST_MESSAGES, FaultClass.KILL_ORDER_SERVICE,
                        FaultClass.KILL_SERVICE, FaultClass.SEATA_RESTART),
                FaultClass.injected(Map.of(
                        "order-service mq.duplicate-delivery", 3L,
                        "pay-service mq.lost-send.refund_completed_topic", 1L,
                        "order-service mq.halt-after-local-commit.release_assets_topic", 1L,
                        "kill -9 inventory-service", 1L,
                        "restart seata-tc", 1L,
                        "pay-service pay.refund-failure", 0L)));
    }

    @Test
    void aCrashPointThatWasNeverReachedIsNotACrashAtThatPoint() {
        assertTrue(FaultClass.injected(Map.of("kill -9 order-service (crash point not reached)", 1L)).isEmpty());
    }
}
