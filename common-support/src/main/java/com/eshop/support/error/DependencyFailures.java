package com.eshop.support.error;

import org.apache.dubbo.rpc.RpcException;
import org.apache.seata.common.exception.FrameworkErrorCode;
import org.apache.seata.common.exception.FrameworkException;
import org.apache.seata.core.exception.TransactionException;
import org.apache.seata.core.exception.TransactionExceptionCode;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Failures that mean a dependency was unreachable or did not answer in time, as opposed to a defect: the caller gets
 * DEPENDENCY_UNAVAILABLE, naming which kind of dependency, and may retry; SYSTEM_ERROR stays for the unexpected.
 */
final class DependencyFailures {
    private static final Set<FrameworkErrorCode> SEATA_NETWORK = EnumSet.of(FrameworkErrorCode.NetConnect, FrameworkErrorCode.NetDisconnect,
            FrameworkErrorCode.NetDispatch, FrameworkErrorCode.NetOnMessage, FrameworkErrorCode.getChannelError,
            FrameworkErrorCode.ChannelNotWritable, FrameworkErrorCode.ChannelIsNotWritable, FrameworkErrorCode.NoAvailableService,
            FrameworkErrorCode.RegisterRM);
    private static final Set<TransactionExceptionCode> SEATA_UNREACHABLE = EnumSet.of(TransactionExceptionCode.BeginFailed,
            TransactionExceptionCode.IO, TransactionExceptionCode.TransactionTimeout);

    private DependencyFailures() {
    }

    /** The kind of dependency that failed to answer (for the caller's message), or empty for any other failure. */
    static Optional<String> unavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> kind = kindOf(t);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> kindOf(Throwable t) {
        if (t instanceof RedisConnectionException || t instanceof RedisTimeoutException || t instanceof RedisRetryException
                || t instanceof RedisNodeNotFoundException) {
            return Optional.of("Redis");
        }
        if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException) {
            return Optional.of("the database");
        }
        if (t instanceof RpcException rpc && (rpc.isTimeout() || rpc.isNetwork() || rpc.isForbidden() || rpc.isNoInvokerAvailableAfterFilter())) {
            return Optional.of("a service");
        }
        if ((t instanceof FrameworkException framework && SEATA_NETWORK.contains(framework.getErrcode()))
                || (t instanceof TransactionException tx && SEATA_UNREACHABLE.contains(tx.getCode()))) {
            return Optional.of("the transaction coordinator");
        }
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException) {
            return Optional.of("a dependency");
        }
        return Optional.empty();
    }
}
