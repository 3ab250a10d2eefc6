package com.eshop.systemtest.support;

import com.eshop.stack.Db;
import com.eshop.stack.LocalStack;
import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.SuiteClient;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one running suite of this test JVM, started on first use by the same launcher as run-local.sh, with
 * fresh databases, a short pay timeout, fast broker retries and check-backs, and fault injection available
 * (inert until a test turns a switch on). The scan job is not scheduled: tests trigger it.
 */
public final class Suite {
    public static final Duration PAY_TIMEOUT = Duration.ofSeconds(20);
    public static final int MAX_RECONSUME_TIMES = 6;
    /** Tests trigger the reconciliation job themselves (none is scheduled); it looks at cancels older than this. */
    public static final Duration RECONCILE_GRACE = Duration.ofSeconds(5);

    private static LocalStack stack;
    private static SuiteClient client;
    private static Broker broker;
    private static Scenario scenario;

    private Suite() {
    }

    /** The configuration of the tests' stacks: jobs triggered by the tests, fast check-backs, faults switchable. */
    public static LocalStackConfig.Builder stackConfig() {
        return LocalStackConfig.builder()
                .reset(true)
                .scanInterval(Duration.ZERO)
                .reconcileInterval(Duration.ZERO)
                .transactionCheckInterval(1000)
                .transactionTimeOut(1500)
                .transactionOpBatchInterval(200)
                // a half message is checked back every second; it must outlive a restart of order-service
                // plus the expiry of the dead holder's lock, or the broker discards it
                .transactionCheckMax(600)
                .springArgs("--eshop.order.pay-timeout=" + PAY_TIMEOUT,
                        "--eshop.order.reconcile-grace=" + RECONCILE_GRACE,
                        "--eshop.rocketmq.retry-delay-level=1",
                        "--eshop.rocketmq.max-reconsume-times=" + MAX_RECONSUME_TIMES,
                        "--eshop.faults.enabled=true",
                        // RuntimeConfig: tests lower Sentinel limits at run time through POST /actuator/env
                        "--management.endpoint.env.post.enabled=true",
                        "--management.endpoints.web.exposure.include=health,info,metrics,prometheus,faults,deadletters,env");
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            LocalStackConfig config = stackConfig().build();
            stack = LocalStack.shared(config);
        }
        return stack;
    }

    public static synchronized SuiteClient client() {
        if (client == null) {
            client = new SuiteClient(stack().dubboRegistryAddress(), stack().internalApiSecret());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close));
        }
        return client;
    }

    public static synchronized Broker broker() {
        if (broker == null) {
            broker = new Broker(stack().nameServerAddress());
        }
        return broker;
    }

    public static synchronized Scenario scenario() {
        if (scenario == null) {
            scenario = new Scenario(client(), new Db(stack()::jdbcUrl), stack().payGateway());
        }
        return scenario;
    }

    /**
     * Waits until no order awaits payment or fulfillment and the databases stop changing, so that a test can
     * compare states without other tests' timeouts and releases moving underneath.
     */
    public static void awaitSettled() {
        Db db = scenario().db();
        Awaitility.await().atMost(PAY_TIMEOUT.plusSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(db.count("order_db", "SELECT COUNT(*) FROM order_info WHERE order_status IN (10, 20)"))
                    .as("orders awaiting payment or fulfillment").isZero();
            Map<String, String> before = StateFingerprint.of(db);
            Thread.sleep(2000);
            assertThat(StateFingerprint.of(db)).as("state still changing").isEqualTo(before);
        });
    }
}
