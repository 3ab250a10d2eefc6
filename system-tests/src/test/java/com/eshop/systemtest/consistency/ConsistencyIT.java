package com.eshop.systemtest.consistency;

import com.eshop.consistency.ChaosReport;
import com.eshop.consistency.CouponPool;
import com.eshop.consistency.FaultClass;
import com.eshop.consistency.FaultInjector;
import com.eshop.consistency.InvariantChecker;
import com.eshop.consistency.Scenario;
import com.eshop.consistency.WorkloadDriver;
import com.eshop.stack.LocalStack;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consistency suite at CI size: a few hundred orders through seeded random interleavings of the real APIs
 * (create with and without coupon, pre-pay, pay callbacks incl. repeated, second pay type and late ones, manual
 * cancel, timeout, the scan job, out-stock then a refused cancel, pay-vs-cancel and out-stock-vs-cancel races), in
 * three rounds that inject every fault class at least once; after each round the system settles and every invariant
 * of docs/design.md is checked on the round's orders. Any violation fails the test with its evidence.
 */
class ConsistencyIT {
    /** Fixed seed: the same orders and operations on every run. 27 also makes the crash round halt order-service
     *  between RELEASE_ASSETS' local commit and its commit, and kill -9 inventory-service. */
    private static final long SEED = 27;
    private static final int ORDERS_PER_ROUND = 70;
    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(5);

    @Test
    void everyInvariantHoldsUnderEveryFaultClass() {
        LocalStack stack = Suite.stack();
        Consumer<String> log = line -> System.out.println("[consistency " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
        // coupons of this test only (the other tests of this JVM draw theirs from the same counter)
        List<CouponPool.UserCoupon> coupons = IntStream.range(0, 40).mapToObj(i -> TestData.nextUserWithCoupon())
                .map(u -> new CouponPool.UserCoupon(u.userId(), u.couponId())).toList();
        InvariantChecker checker = new InvariantChecker(stack::jdbcUrl, stack.nameServerAddress(),
                InvariantChecker.Options.defaults().withScanInterval(SCAN_INTERVAL).withTolerance(Duration.ofSeconds(30)));
        // consume failures low enough that Suite's 6 retries never legitimately exhaust (0.1^7 per message)
        FaultInjector faults = new FaultInjector(stack, new FaultInjector.Rates(1.0, 0.1, 0.2, 0.2, 0.3, 1.0, 0.3), log);
        WorkloadDriver.Config config = WorkloadDriver.Config.defaults(SEED, Suite.PAY_TIMEOUT).withRunTag("IT" + SEED)
                .withWorkers(8).withMaxInFlight(16).withScan(SCAN_INTERVAL, true) // the shared stack schedules no scan
                .withSettleTimeout(Suite.PAY_TIMEOUT.plusSeconds(120));
        List<Scenario> scenarios = List.of(
                Scenario.of("messages", FaultClass.DUPLICATE_DELIVERY, FaultClass.CONSUME_FAILURE),
                Scenario.of("gateway, interception, lost timeouts", FaultClass.REFUND_FAILURE, FaultClass.REFUND_TIMEOUT,
                        FaultClass.INTERCEPTION_FAILURE,
                        FaultClass.DROP_TIMEOUT_MESSAGE, FaultClass.LOST_MESSAGES),
                Scenario.of("crashes and restarts", FaultClass.KILL_ORDER_SERVICE, FaultClass.KILL_SERVICE, FaultClass.BROKER_RESTART,
                        FaultClass.REDIS_RESTART, FaultClass.SEATA_RESTART));

        long t0 = System.currentTimeMillis();
        List<WorkloadDriver.RoundResult> results = new ArrayList<>();
        List<String> notOff;
        try (WorkloadDriver driver = new WorkloadDriver(stack, Suite.client(), stack::jdbcUrl, config, new CouponPool(coupons),
                faults, checker, log)) {
            try {
                for (int i = 0; i < scenarios.size(); i++) {
                    results.add(driver.runRound(i + 1, scenarios.get(i), ORDERS_PER_ROUND));
                }
            } finally {
                notOff = faults.clearAll();
                // the other tests of this JVM wait for "no order awaiting payment or fulfillment": do not leave any behind
                driver.cancelLeftovers(IntStream.rangeClosed(1, scenarios.size()).boxed().toList());
            }
        }
        String table = ChaosReport.table(results);
        String details = ChaosReport.details(results);
        System.out.println(table);
        System.out.println(details);
        System.out.printf("consistency suite: %d orders in %.1f min%n", results.stream().mapToInt(WorkloadDriver.RoundResult::orders).sum(),
                (System.currentTimeMillis() - t0) / 60_000.0);

        assertThat(notOff).as("every fault point off again at the end").isEmpty();
        Set<FaultClass> injected = EnumSet.noneOf(FaultClass.class);
        for (WorkloadDriver.RoundResult r : results) {
            assertThat(r.faultCount()).as("faults injected in round %d %s", r.round(), r.scenario()).isPositive();
            injected.addAll(FaultClass.injected(r.faultsInjected()));
        }
        assertThat(injected).as("every fault class injected at least once (counted where it fired)").isEqualTo(EnumSet.allOf(FaultClass.class));
        assertThat(results).as("orders created per round").allSatisfy(r -> assertThat(r.created()).isPositive());
        assertThat(ChaosReport.violations(results)).as("violations:\n%s\n%s", table, details).isZero();
        assertThat(results).as("every round settled:\n%s", details).allSatisfy(r -> assertThat(r.settled()).isTrue());
    }
}
