package com.eshop.support.error;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.JsonResult;
import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.TmTransactionException;
import org.apache.seata.core.exception.TransactionExceptionCode;
import org.apache.seata.rm.datasource.exec.LockConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisResponseTimeoutException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ApiResultsTest {

    @Test
    void aRefusalInsideSeatasWrapperKeepsItsErrorCode() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new RuntimeException("try to proceed invocation error", new BizException(ErrorCode.ORDER_NOT_FOUND, "no order O1"));
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.ORDER_NOT_FOUND.name());
    }

    @Test
    void aRowHeldByAnUnfinishedGlobalTransactionIsLockBusyNotASystemError() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new RuntimeException("try to proceed invocation error", new LockConflictException("get global lock fail"));
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.LOCK_BUSY.name());
    }

    @ParameterizedTest
    @MethodSource("unreachableOrSilentDependencies")
    void anUnreachableOrSilentDependencyIsARetryableCodeNamingItsKindNotASystemError(Exception failure, String kind) {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new RuntimeException("try to proceed invocation error", failure);
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.DEPENDENCY_UNAVAILABLE.name());
        assertThat(ErrorCode.isRetryable(result.getErrorCode())).isTrue();
        assertThat(result.getErrorMessage()).startsWith(kind + " is unreachable or timed out").doesNotContain("127.0.0.1", "secret");
    }

    static Stream<Arguments> unreachableOrSilentDependencies() {
        return Stream.of(
                Arguments.of(new RedisTimeoutException("Command execution timeout for 127.0.0.1:16379"), "Redis"),
                Arguments.of(new RedisConnectionException("Unable to connect to Redis server: 127.0.0.1/127.0.0.1:16379"), "Redis"),
                Arguments.of(new RedisResponseTimeoutException("Redis server response timeout (3000 ms) occured after 3 retry attempts"), "Redis"),
                Arguments.of(new RedisRetryException("Unable to acquire connection after 3 retry attempts"), "Redis"),
                Arguments.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 10000ms")), "the database"),
                Arguments.of(new QueryTimeoutException("secret statement timed out"), "the database"),
                Arguments.of(new RpcException(RpcException.TIMEOUT_EXCEPTION, "Waiting server-side response timeout by scan timer"), "a service"),
                Arguments.of(new RpcException(RpcException.FORBIDDEN_EXCEPTION, "No provider available for the service"), "a service"),
                Arguments.of(new FrameworkException("can not connect to 127.0.0.1:18091", FrameworkErrorCode.NetConnect), "the transaction coordinator"),
                // a branch registered while the TC restarts: the RM cannot register with it (seen in the chaos run)
                Arguments.of(new java.sql.SQLException(new FrameworkException("can not register RM,err:can not connect to services-server.",
                        FrameworkErrorCode.RegisterRM)), "the transaction coordinator"),
                Arguments.of(new TmTransactionException(TransactionExceptionCode.BeginFailed, "begin failed"), "the transaction coordinator"));
    }

    @Test
    void aRefusalOfTheDependencyItselfIsNoOutage() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new RpcException(RpcException.BIZ_EXCEPTION, "the provider threw");
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR.name());
        assertThat(ErrorCode.isRetryable(ErrorCode.SYSTEM_ERROR.name())).isFalse();
        assertThat(ErrorCode.isRetryable("NOT_A_CODE")).isFalse();
    }

    @Test
    void anythingElseIsASystemErrorThatShowsOnlyAnErrorIdNotTheCause() {
        JsonResult<Object> result = ApiResults.call(() -> {
            throw new IllegalStateException("broken", new java.sql.SQLException("SELECT secret FROM t"));
        });

        assertThat(result.getErrorCode()).isEqualTo(ErrorCode.SYSTEM_ERROR.name());
        assertThat(result.getErrorMessage()).matches(".*error id [0-9a-f-]{36}")
                .doesNotContain("broken", "SQLException", "SELECT", "IllegalStateException");
    }
}
