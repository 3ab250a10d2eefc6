package com.eshop.support.mq;

import com.eshop.common.api.FaultPoints;
import com.eshop.support.fault.FaultSwitches;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The one transaction listener of a service's producer: dispatches by topic to the registered handler. */
@Slf4j
public class TransactionListenerDispatcher implements TransactionListener {
    private static final ThreadLocal<RuntimeException> LAST_FAILURE = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> LOST_AFTER_COMMIT = new ThreadLocal<>();
    /** Resolved on first use: the handlers depend on services that depend on the producer that holds this listener. */
    private final Supplier<Map<String, LocalTransactionHandler>> handlers;

    private final FaultSwitches faultSwitches;
    /**
     * Unique ids of the messages whose local transaction runs in this JVM right now. A check-back of one of them
     * (the broker asks once a half message is older than its transactionTimeOut, e.g. under load) is answered UNKNOW
     * at once: waiting for the outcome would hold the check-back thread, and an answer later than the broker's next
     * check round makes it ask again, each COMMIT answer delivering the message once more.
     */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public TransactionListenerDispatcher(Supplier<List<LocalTransactionHandler>> handlers, FaultSwitches faultSwitches) {
        this.faultSwitches = faultSwitches;
        this.handlers = com.google.common.base.Suppliers.memoize(() -> handlers.get().stream()
                .collect(Collectors.toMap(LocalTransactionHandler::topic, Function.identity())));
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        LocalTransactionHandler handler = handlers.get().get(message.getTopic());
        if (handler == null) {
            log.error("no local transaction handler for topic {}: rolling back", message.getTopic());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        String uniqueId = MessageClientIDSetter.getUniqID(message);
        if (uniqueId != null) {
            running.add(uniqueId);
        }
        try {
            LocalTransactionState state = handler.executeLocalTransaction(message, arg);
            if (faultSwitches.shouldInject(FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + message.getTopic())) {
                log.error("fault injection: halting after the local transaction of {} keys={} committed", message.getTopic(), message.getKeys());
                Runtime.getRuntime().halt(137);
            }
            if (state == LocalTransactionState.COMMIT_MESSAGE
                    && faultSwitches.shouldInject(FaultPoints.LOST_AFTER_LOCAL_COMMIT_PREFIX + message.getTopic())) {
                log.error("fault injection: half message of {} keys={} lost after its local commit", message.getTopic(), message.getKeys());
                LOST_AFTER_COMMIT.set(true);
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
            return state;
        } catch (RuntimeException e) {
            LAST_FAILURE.set(e);
            LocalTransactionState state = handler.stateOnFailure(e);
            log.info("local transaction of {} keys={} failed ({}): {}", message.getTopic(), message.getKeys(), e.toString(), state);
            return state;
        } finally {
            if (uniqueId != null) {
                running.remove(uniqueId);
            }
        }
    }

    /** The failure of the local transaction just run on this thread (the producer runs it on the sender's thread). */
    static RuntimeException takeLastFailure() {
        RuntimeException failure = LAST_FAILURE.get();
        LAST_FAILURE.remove();
        return failure;
    }

    /** Whether the message of the local transaction just run on this thread was lost by fault injection. */
    static boolean takeLostAfterCommit() {
        boolean lost = Boolean.TRUE.equals(LOST_AFTER_COMMIT.get());
        LOST_AFTER_COMMIT.remove();
        return lost;
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        LocalTransactionHandler handler = handlers.get().get(message.getTopic());
        if (handler == null) {
            log.error("check-back for topic {} without handler (keys {}): unknown", message.getTopic(), message.getKeys());
            return LocalTransactionState.UNKNOW;
        }
        String uniqueId = MessageClientIDSetter.getUniqID(message);
        if (uniqueId != null && running.contains(uniqueId)) {
            log.info("check-back {} keys={} -> UNKNOW (its local transaction is still running here)", message.getTopic(), message.getKeys());
            return LocalTransactionState.UNKNOW;
        }
        try {
            LocalTransactionState state = handler.checkLocalTransaction(message);
            log.info("check-back {} keys={} -> {}", message.getTopic(), message.getKeys(), state);
            return state;
        } catch (RuntimeException e) {
            log.warn("check-back {} keys={} failed, will be asked again", message.getTopic(), message.getKeys(), e);
            return LocalTransactionState.UNKNOW;
        }
    }
}
