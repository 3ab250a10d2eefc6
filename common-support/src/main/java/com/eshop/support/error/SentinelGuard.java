package com.eshop.support.error;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import com.eshop.common.api.ErrorCode;
import com.eshop.support.sentinel.AdaptiveConcurrencyLimit;
import com.eshop.support.sentinel.AdaptiveLimits;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a call as a Sentinel resource, under the rules loaded from {@code eshop.sentinel.*}
 * ({@code com.eshop.support.sentinel.SentinelRules}). A refusal happens before the call and is thrown as a {@link BizException}: FLOW_LIMITED for a flow rule,
 * DOWNSTREAM_UNAVAILABLE for an open circuit breaker. Entries are synchronous: the call runs on the caller's thread.
 */
public final class SentinelGuard {
    /** Answers that mean the callee failed, not that it refused this request; only these count for a breaker. */
    private static final Set<ErrorCode> CALLEE_FAILURES = Set.of(ErrorCode.SYSTEM_ERROR, ErrorCode.PAY_GATEWAY_UNAVAILABLE,
            ErrorCode.SEND_MQ_FAILED, ErrorCode.FLOW_LIMITED, ErrorCode.DOWNSTREAM_UNAVAILABLE);

    private SentinelGuard() {
    }

    /**
     * A public API method of this service (flow rules count inbound calls). With a latency target, the call is first
     * admitted by the resource's adaptive limit ({@link AdaptiveLimits}): over it, FLOW_LIMITED at once.
     */
    public static <T> T inbound(String resource, Supplier<T> call) {
        AdaptiveConcurrencyLimit adaptive = AdaptiveLimits.of(resource);
        if (adaptive == null) {
            return guard(resource, EntryType.IN, call);
        }
        if (!adaptive.tryAcquire()) {
            throw new BizException(ErrorCode.FLOW_LIMITED, resource + " is at the calls it can serve in time now ("
                    + adaptive.limit() + " at once): nothing was changed; retry later");
        }
        long started = System.nanoTime();
        try {
            return guard(resource, EntryType.IN, call);
        } finally {
            adaptive.release(System.nanoTime() - started);
        }
    }

    /** A call to another service (circuit breakers count its failures and slow calls). */
    public static <T> T outbound(String resource, Supplier<T> call) {
        return guard(resource, EntryType.OUT, call);
    }

    private static <T> T guard(String resource, EntryType type, Supplier<T> call) {
        Entry entry;
        try {
            entry = SphU.entry(resource, type);
        } catch (BlockException e) {
            throw refusal(resource, e);
        }
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            if (isCalleeFailure(e)) {
                Tracer.traceEntry(e, entry);
            }
            throw e;
        } finally {
            entry.exit();
        }
    }

    static BizException refusal(String resource, BlockException e) {
        if (e instanceof DegradeException) {
            return new BizException(ErrorCode.DOWNSTREAM_UNAVAILABLE, resource + " keeps failing: circuit open, nothing was changed; retry later");
        }
        return new BizException(ErrorCode.FLOW_LIMITED, resource + " is over its limit: nothing was changed; retry later");
    }

    /** Timeouts, unreachable providers and SYSTEM_ERROR-like answers; a business refusal is an answer, not a failure. */
    static boolean isCalleeFailure(Throwable e) {
        BizException biz = ApiResults.findBizException(e);
        return biz == null || CALLEE_FAILURES.contains(biz.getErrorCode());
    }
}
