package com.eshop.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Runs a round's scheduled fault events (kills, restarts) beside its scripts. */
final class RoundFaultEvents {
    private final FaultInjector faults;
    private final WorkloadDriver.Config config;
    private final Consumer<String> log;

    RoundFaultEvents(FaultInjector faults, WorkloadDriver.Config config, Consumer<String> log) {
        this.faults = faults;
        this.config = config;
        this.log = log;
    }

    /** The scenario's events (kills, restarts), spread over the round by the share of orders started. */
    void run(Round r) {
        List<Runnable> events = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<FaultClass> f = r.scenario.faults();
        long pick = Math.abs(config.seed() * 31 + r.number);
        if (f.contains(FaultClass.KILL_ORDER_SERVICE)) {
            String point = FaultInjector.ORDER_CRASH_POINTS.get((int) (pick % FaultInjector.ORDER_CRASH_POINTS.size()));
            names.add("crash order-service at " + point);
            events.add(() -> faults.crashOrderService(point, config.crashArmTime()));
        }
        if (f.contains(FaultClass.BROKER_RESTART)) {
            names.add("broker restart");
            events.add(faults::restartBroker);
        }
        if (f.contains(FaultClass.REDIS_RESTART)) {
            names.add("redis restart");
            events.add(faults::restartRedis);
        }
        if (f.contains(FaultClass.SEATA_RESTART)) {
            names.add("seata restart");
            events.add(faults::restartSeata);
        }
        if (f.contains(FaultClass.KILL_SERVICE)) {
            String service = FaultInjector.KILLABLE.get((int) (pick % FaultInjector.KILLABLE.size()));
            names.add("kill -9 " + service);
            events.add(() -> faults.killAndRestart(service));
        }
        int n = r.plans.size();
        for (int i = 0; i < events.size(); i++) {
            double at = events.size() == 1 ? 0.3 : 0.15 + 0.55 * i / (events.size() - 1);
            int threshold = (int) Math.ceil(n * at);
            while (r.started.get() < threshold && r.done.getCount() > 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                log.accept("round " + r.number + ": fault event " + names.get(i) + " at " + r.started.get() + "/" + n + " orders started");
                events.get(i).run();
            } catch (RuntimeException e) {
                log.accept("round " + r.number + ": fault event " + names.get(i) + " failed: " + e);
            }
        }
    }
}
