package com.eshop.consistency;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.eshop.consistency.OrderStatusCodes.CREATED;

/** Tells when a round's orders are final, by progress checks, and waits (bounded) until they all are. */
final class RoundSettling {
    /**
     * Settling gives up when nothing changed this long (what is left will stay): every wait of the chain is shorter
     * (pay timeout of the tests and chaos runs, scan interval, consumer retry delay, check-back interval).
     */
    private static final Duration QUIET = Duration.ofSeconds(45);

    private final InvariantChecker checker;
    private final WorkloadDriver.Config config;
    private final Consumer<String> log;

    RoundSettling(InvariantChecker checker, WorkloadDriver.Config config, Consumer<String> log) {
        this.checker = checker;
        this.config = config;
        this.log = log;
    }

    /**
     * Polls the round's orders with a progress check until every order is final (terminal status, nothing pending:
     * no violation left) and the state stopped changing; records when each order first became final.
     */
    boolean settle(Round r, CheckScope scope, StockBaseline baseline) {
        long deadline = System.currentTimeMillis() + config.settleTimeout().toMillis();
        String previous = null;
        int stablePolls = 0;
        long lastChange = System.currentTimeMillis();
        while (true) {
            CheckReport progress = track(r, scope, baseline);
            long now = System.currentTimeMillis();
            boolean allFinal = r.finalAt.size() == r.plans.size();
            stablePolls = progress.fingerprint().equals(previous) ? stablePolls + 1 : 0;
            if (stablePolls == 0) {
                lastChange = now;
            }
            previous = progress.fingerprint();
            if (allFinal && stablePolls >= 2) {
                return true;
            }
            if (now - lastChange > QUIET.toMillis()) {
                log.accept("round " + r.number + ": nothing changed for " + QUIET.toSeconds() + " s but orders are not final: "
                        + progress.format(10));
                return false;
            }
            if (now > deadline) {
                log.accept("round " + r.number + ": not settled after " + config.settleTimeout().toSeconds() + " s: "
                        + progress.format(10));
                return false;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * One progress check of the round: an order is final when it is not CREATED or PAID and nothing about it is
     * pending (no violation left); records when each order became final (and forgets it when it changes again).
     */
    synchronized CheckReport track(Round r, CheckScope scope, StockBaseline baseline) {
        CheckReport progress = checker.check(scope, baseline, InvariantChecker.Mode.PROGRESS);
        long now = System.currentTimeMillis();
        Map<String, List<Violation>> byOrder = progress.byOrder();
        for (OrderPlan p : r.plans) {
            Integer st = progress.statusByOrder().get(p.orderId());
            OrderRun run = r.runs.get(p.orderId());
            boolean fin = run != null && (st == null || (st != CREATED && st != 20)) && !byOrder.containsKey(p.orderId());
            if (fin) {
                r.finalAt.putIfAbsent(p.orderId(), now);
            } else {
                r.finalAt.remove(p.orderId());
            }
        }
        return progress;
    }
}
