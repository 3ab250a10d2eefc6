package com.eshop.consistency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A round of the workload under a set of faults, with a name for the report. */
public record Scenario(String name, Set<FaultClass> faults) {

    public Scenario {
        faults = faults.isEmpty() ? EnumSet.noneOf(FaultClass.class) : EnumSet.copyOf(faults);
    }

    public static Scenario of(String name, FaultClass... faults) {
        return new Scenario(name, faults.length == 0 ? EnumSet.noneOf(FaultClass.class) : EnumSet.copyOf(List.of(faults)));
    }

    /** One scenario per fault class, after a fault-free baseline, then everything at once ("mixed"). */
    public static List<Scenario> cycle(Collection<FaultClass> classes) {
        List<Scenario> out = new ArrayList<>();
        out.add(of("baseline"));
        for (FaultClass c : classes) {
            out.add(new Scenario(c.flag(), EnumSet.of(c)));
        }
        if (classes.size() > 1) {
            out.add(new Scenario("mixed", EnumSet.copyOf(classes)));
        }
        return out;
    }

    @Override
    public String toString() {
        return name + (faults.isEmpty() ? "" : faults.stream().map(FaultClass::flag).collect(Collectors.joining(",", "[", "]")));
    }
}
