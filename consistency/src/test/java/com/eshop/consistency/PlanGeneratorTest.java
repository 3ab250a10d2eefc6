package com.eshop.consistency;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanGeneratorTest {

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOne() {
        List<OrderPlan> a = PlanGenerator.forDemoData(42).generate("T", 3, 300);
        List<OrderPlan> b = PlanGenerator.forDemoData(42).generate("T", 3, 300);
        List<OrderPlan> c = PlanGenerator.forDemoData(43).generate("T", 3, 300);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a.subList(0, 100), PlanGenerator.forDemoData(42).generate("T", 3, 100), "a plan does not depend on the round size");
    }

    @Test
    void aFewHundredOrdersCoverEveryFlowAndOrderIdsShareTheRoundPrefix() {
        List<OrderPlan> plans = PlanGenerator.forDemoData(7).generate("T", 1, 300);
        Set<OrderPlan.Flow> flows = plans.stream().map(OrderPlan::flow).collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderPlan.Flow.class)));
        assertEquals(EnumSet.allOf(OrderPlan.Flow.class), flows);
        assertTrue(plans.stream().allMatch(p -> p.orderId().startsWith(PlanGenerator.prefix("T", 1)) && p.orderId().matches("[A-Za-z0-9_-]{1,64}")));
        assertTrue(plans.stream().allMatch(p -> p.steps().get(0) instanceof Step.Create));
        assertTrue(plans.stream().filter(p -> p.flow() != OrderPlan.Flow.REFUSED_CREATE)
                .noneMatch(p -> p.items().containsKey("SKU-LIMITED") || p.items().containsKey("SKU-1015")));
    }

    @Test
    void scenariosCycleBaselineEachClassThenMixed() {
        List<Scenario> s = ChaosMain.scenarios("all");
        assertEquals("baseline", s.get(0).name());
        assertEquals(FaultClass.values().length + 2, s.size());
        assertEquals(EnumSet.allOf(FaultClass.class), s.get(s.size() - 1).faults());
        assertEquals(List.of("baseline", "dup", "broker", "mixed"),
                ChaosMain.scenarios("dup,broker").stream().map(Scenario::name).toList());
        assertEquals(List.of("baseline"), ChaosMain.scenarios("none").stream().map(Scenario::name).toList());
    }
}
