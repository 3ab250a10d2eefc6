package com.eshop.support.error;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import lombok.extern.slf4j.Slf4j;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Maps between exceptions and {@link JsonResult}: used by every Dubbo API implementation and every Dubbo gateway. */
@Slf4j
public final class ApiResults {
    private ApiResults() {
    }

    /**
     * Runs a public API method under its flow rule ({@code eshop.sentinel.flow[<resource>]}, e.g. resource
     * {@code OrderApi.createOrder}); a call over the limit answers FLOW_LIMITED without running.
     */
    public static <T> JsonResult<T> call(String resource, Supplier<T> action) {
        return call(() -> SentinelGuard.inbound(resource, action));
    }

    /**
     * Runs an API call; a refusal becomes its error code, an unreachable or silent dependency DEPENDENCY_UNAVAILABLE,
     * anything else SYSTEM_ERROR.
     */
    public static <T> JsonResult<T> call(Supplier<T> action) {
        try {
            return JsonResult.buildSuccess(action.get());
        } catch (Throwable e) {
            BizException biz = findBizException(e);
            if (biz != null) {
                log.info("refused: {} {}", biz.getErrorCode(), biz.getMessage());
                return JsonResult.buildError(biz.getErrorCode(), biz.getMessage());
            }
            if (isGlobalLockConflict(e)) {
                log.info("refused: LOCK_BUSY {}", rootCause(e).getMessage());
                return JsonResult.buildError(ErrorCode.LOCK_BUSY, "a row is held by an unfinished distributed transaction, retry later");
            }
            Optional<String> unavailable = DependencyFailures.unavailable(e);
            if (unavailable.isPresent()) {
                log.warn("refused: DEPENDENCY_UNAVAILABLE ({}) {}", unavailable.get(), rootCause(e).toString());
                return JsonResult.buildError(ErrorCode.DEPENDENCY_UNAVAILABLE, unavailable.get() + " is unreachable or timed out, retry later");
            }
            // the cause (class names, SQL) stays in the log; the caller gets the id to quote
            String errorId = UUID.randomUUID().toString();
            log.error("system error {}", errorId, e);
            return JsonResult.buildError(ErrorCode.SYSTEM_ERROR, systemErrorMessage(errorId));
        }
    }

    /** What a caller sees of an unexpected failure: no internals, only the id under which it was logged. */
    public static String systemErrorMessage(String errorId) {
        return ErrorCode.SYSTEM_ERROR.getDefaultMessage() + "; error id " + errorId;
    }

    /** The data of a successful result, or the callee's refusal re-thrown as a {@link BizException}. */
    public static <T> T unwrap(JsonResult<T> result) {
        if (result == null) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "no result from remote service");
        }
        if (!result.isOk()) {
            throw new BizException(toErrorCode(result.getErrorCode()), result.getErrorMessage());
        }
        return result.getData();
    }

    /** Seata wraps business exceptions ("try to proceed invocation error"): look through the cause chain. */
    public static BizException findBizException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BizException biz) {
                return biz;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** A row held by another, unfinished Seata global transaction: transient, the caller may retry. */
    private static boolean isGlobalLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LockConflictException) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause: Seata's wrapper says only "try to proceed invocation error". */
    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static ErrorCode toErrorCode(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (RuntimeException e) {
            return ErrorCode.SYSTEM_ERROR;
        }
    }
}
