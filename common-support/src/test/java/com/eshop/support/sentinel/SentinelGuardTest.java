package com.eshop.support.sentinel;

import com.alibaba.csp.sentinel.slots.block.degrade.DegradeRuleManager;
import com.alibaba.csp.sentinel.slots.block.flow.FlowRuleManager;
import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import com.eshop.support.error.ApiResults;
import com.eshop.support.error.BizException;
import com.eshop.support.error.SentinelGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentinelGuardTest {
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void clearRules() {
        FlowRuleManager.loadRules(List.of());
        DegradeRuleManager.loadRules(List.of());
        AdaptiveLimits.load(new SentinelRuleProperties());
    }

    @Test
    void aCallOverTheAdaptiveLimitAnswersFlowLimitedAtOnceWithoutRunningAndTheLimitIsKeptAcrossReloads() throws Exception {
        SentinelRuleProperties properties = new SentinelRuleProperties();
        SentinelRuleProperties.FlowLimit limit = new SentinelRuleProperties.FlowLimit();
        limit.setLatencyTarget(Duration.ofSeconds(5));
        limit.setMinConcurrentCalls(1);
        limit.setMaxConcurrentCalls(8);
        properties.getFlow().put("TestApi.adaptive", limit);
        AdaptiveLimits.load(properties);
        AdaptiveConcurrencyLimit adaptive = AdaptiveLimits.of("TestApi.adaptive");

        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> ApiResults.call("TestApi.adaptive", () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return calls.incrementAndGet();
        }));
        holder.start();
        inside.await();

        JsonResult<Integer> refused = ApiResults.call("TestApi.adaptive", calls::incrementAndGet);
        assertThat(refused.getErrorCode()).isEqualTo(ErrorCode.FLOW_LIMITED.name());
        assertThat(refused.getErrorMessage()).contains("nothing was changed");
        release.countDown();
        holder.join();
        assertThat(calls.get()).as("only the admitted call ran").isEqualTo(1);
        assertThat(adaptive.inFlight()).isZero();

        AdaptiveLimits.load(properties);
        assertThat(AdaptiveLimits.of("TestApi.adaptive")).as("unchanged settings keep the learnt limit").isSameAs(adaptive);
        assertThat(ApiResults.call("TestApi.adaptive", calls::incrementAndGet).isOk()).isTrue();
    }

    @Test
    void aCallOverTheFlowLimitAnswersFlowLimitedWithoutRunning() {
        SentinelRuleProperties properties = new SentinelRuleProperties();
        SentinelRuleProperties.FlowLimit limit = new SentinelRuleProperties.FlowLimit();
        limit.setMaxQps(2);
        properties.getFlow().put("TestApi.burst", limit);
        FlowRuleManager.loadRules(SentinelRules.flowRules(properties));

        List<JsonResult<Integer>> results = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> ApiResults.call("TestApi.burst", calls::incrementAndGet)).toList();

        List<JsonResult<Integer>> refused = results.stream().filter(r -> !r.isOk()).toList();
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.getErrorCode()).isEqualTo(ErrorCode.FLOW_LIMITED.name()));
        assertThat(calls.get()).as("only the accepted calls ran").isEqualTo(results.size() - refused.size());
    }

    @Test
    void failuresOpenTheBreakerBusinessRefusalsDoNotAndItClosesAfterTheOpenDuration() throws InterruptedException {
        SentinelRuleProperties properties = new SentinelRuleProperties();
        SentinelRuleProperties.CircuitBreaker breaker = new SentinelRuleProperties.CircuitBreaker();
        breaker.setMinCalls(3);
        breaker.setOpenDuration(Duration.ofSeconds(1));
        properties.getCircuitBreakers().put("TestDownstream", breaker);
        DegradeRuleManager.loadRules(SentinelRules.degradeRules(properties));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> SentinelGuard.outbound("TestDownstream", () -> {
                throw new BizException(ErrorCode.COUPON_UNUSABLE);
            })).hasMessageContaining(ErrorCode.COUPON_UNUSABLE.getDefaultMessage());
        }
        assertThat(SentinelGuard.outbound("TestDownstream", calls::incrementAndGet)).as("refusals are answers: still closed").isEqualTo(1);

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> SentinelGuard.outbound("TestDownstream", () -> {
                throw new BizException(ErrorCode.SYSTEM_ERROR, "downstream failed");
            })).isInstanceOf(BizException.class);
        }
        assertThatThrownBy(() -> SentinelGuard.outbound("TestDownstream", calls::incrementAndGet))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.DOWNSTREAM_UNAVAILABLE));
        assertThat(calls.get()).as("an open breaker does not call").isEqualTo(1);

        Thread.sleep(breaker.getOpenDuration().toMillis() + 100);
        assertThat(SentinelGuard.outbound("TestDownstream", calls::incrementAndGet)).as("the trial call after the open duration").isEqualTo(2);
        assertThat(SentinelGuard.outbound("TestDownstream", calls::incrementAndGet)).as("closed again after a good trial call").isEqualTo(3);
    }
}
