package com.eshop.systemtest.scaleout;

import com.eshop.consistency.ChaosReport;
import com.eshop.consistency.CouponPool;
import com.eshop.consistency.FaultClass;
import com.eshop.consistency.FaultInjector;
import com.eshop.consistency.InvariantChecker;
import com.eshop.consistency.Scenario;
import com.eshop.consistency.WorkloadDriver;
import com.eshop.stack.LocalStack;
import com.eshop.stack.ServiceSpec;
import com.eshop.stack.SuiteClient;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.TestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances each of order-, fulfill- and pay-service behind the registry, the timeout scan and the
 * reconciliation job run as sharding broadcasts over both order-service executors: the consistency suite's
 * workload (every timeout message dropped, so the scan cancels every expired order; messages of the cancel chain
 * lost, so the reconciliation job finishes those orders) ends with every invariant holding, every expired order
 * cancelled exactly once, and both instances of each service having done their share. Its own stack, in its own
 * test JVM (a failsafe execution of its own, after the shared-stack tests).
 */
class ScaleOutIT {
    private static final long SEED = 41;
    private static final int ORDERS = 60;
    private static final Duration SCAN_INTERVAL = Duration.ofSeconds(5);

    @Test
    void everyInvariantHoldsWithTwoInstancesOfOrderFulfillAndPay() throws IOException {
        Consumer<String> log = line -> System.out.println("[scale-out " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
        try (LocalStack stack = new LocalStack(Suite.stackConfig().scaleOut(true).build())) {
            stack.start();
            assertThat(stack.serviceNames()).containsAll(List.of("order-service-2", "fulfill-service-2", "pay-service-2"));
            try (SuiteClient client = new SuiteClient(stack.dubboRegistryAddress(), stack.internalApiSecret())) {
                List<CouponPool.UserCoupon> coupons = IntStream.range(0, 40).mapToObj(i -> TestData.nextUserWithCoupon())
                        .map(u -> new CouponPool.UserCoupon(u.userId(), u.couponId())).toList();
                InvariantChecker checker = new InvariantChecker(stack::jdbcUrl, stack.nameServerAddress(),
                        InvariantChecker.Options.defaults().withScanInterval(SCAN_INTERVAL).withTolerance(Duration.ofSeconds(30)));
                FaultInjector faults = new FaultInjector(stack, FaultInjector.Rates.defaults(), log);
                WorkloadDriver.Config config = WorkloadDriver.Config.defaults(SEED, Suite.PAY_TIMEOUT).withRunTag("SO" + SEED)
                        .withWorkers(8).withMaxInFlight(16).withScan(SCAN_INTERVAL, true)
                        .withSettleTimeout(Suite.PAY_TIMEOUT.plusSeconds(120));
                WorkloadDriver.RoundResult result;
                List<String> notOff;
                try (WorkloadDriver driver = new WorkloadDriver(stack, client, stack::jdbcUrl, config, new CouponPool(coupons),
                        faults, checker, log)) {
                    try {
                        result = driver.runRound(1, Scenario.of("scale-out", FaultClass.DROP_TIMEOUT_MESSAGE, FaultClass.LOST_MESSAGES), ORDERS);
                    } finally {
                        notOff = faults.clearAll();
                    }
                }
                String table = ChaosReport.table(List.of(result));
                String details = ChaosReport.details(List.of(result));
                System.out.println(table);
                System.out.println(details);

                assertThat(notOff).as("every fault point off again").isEmpty();
                assertThat(FaultClass.injected(result.faultsInjected())).as("faults that fired")
                        .contains(FaultClass.DROP_TIMEOUT_MESSAGE, FaultClass.LOST_MESSAGES);
                assertThat(result.violations()).as("violations:\n%s\n%s", table, details).isEmpty();
                assertThat(result.settled()).as("settled:\n%s", details).isTrue();
            }
            assertBothInstancesWorked(stack, ServiceSpec.ORDER, "cancelled (");
            assertBothInstancesWorked(stack, ServiceSpec.FULFILL, "fulfill order");
            assertBothInstancesWorked(stack, ServiceSpec.PAY, "captured ");
            assertThat(Files.readString(stack.serviceLog(ServiceSpec.ORDER))).as("scan shard 0 of 2 on the first executor")
                    .contains("shardIndex=0, shardTotal=2");
            assertThat(Files.readString(stack.serviceLog(ServiceSpec.ORDER + ServiceSpec.REPLICA_SUFFIX))).as("scan shard 1 of 2 on the second")
                    .contains("shardIndex=1, shardTotal=2");
        }
    }

    private static void assertBothInstancesWorked(LocalStack stack, String service, String logLine) throws IOException {
        for (String instance : List.of(service, service + ServiceSpec.REPLICA_SUFFIX)) {
            assertThat(Files.readString(stack.serviceLog(instance))).as("%s did its share (%s)", instance, logLine).contains(logLine);
        }
    }
}
