package com.eshop.support.mq;

import com.eshop.common.api.FaultPoints;
import com.eshop.support.fault.FaultSwitches;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.metrics.EshopMetrics;
import lombok.extern.slf4j.Slf4j;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one transaction listener of a service's producer. It runs the {@link LocalTransaction} sent with each message
 * and answers check-backs through the topic's {@link TransactionCheckBack}, under the sender's lock and by the one
 * {@link CheckBackPolicy}.
 */
@Slf4j
public class TransactionListenerDispatcher implements TransactionListener {
    private static final ThreadLocal<RuntimeException> LAST_FAILURE = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> LOST_AFTER_COMMIT = new ThreadLocal<>();
    /** Resolved on first use: the check-backs depend on services that depend on the producer that holds this listener. */
    private final Supplier<Map<String, TransactionCheckBack>> checkBacks;
    private final CheckBackPolicy checkBackPolicy;
    private final RedisLock locks;
    private final FaultSwitches faultSwitches;
    private final EshopMetrics metrics;
    private final TransactionAttempts attempts;
    /**
     * Unique ids of the messages whose local transaction runs in this JVM right now. A check-back of one of them
     * (the broker asks once a half message is older than its transactionTimeOut, e.g. under load) is answered UNKNOW
     * at once: waiting for the outcome would hold the check-back thread, and an answer later than the broker's next
     * check round makes it ask again, each COMMIT answer delivering the message once more.
     */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public TransactionListenerDispatcher(Supplier<List<TransactionCheckBack>> checkBacks, CheckBackPolicy checkBackPolicy,
                                         RedisLock locks, FaultSwitches faultSwitches, EshopMetrics metrics,
                                         List<String> legacyAttemptIdProperties) {
        this.attempts = new TransactionAttempts(legacyAttemptIdProperties);
        this.checkBackPolicy = checkBackPolicy;
        this.metrics = metrics;
        this.locks = locks;
        this.faultSwitches = faultSwitches;
        this.checkBacks = com.google.common.base.Suppliers.memoize(() -> checkBacks.get().stream()
                .collect(Collectors.toMap(TransactionCheckBack::topic, Function.identity())));
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        TransactionCheckBack checkBack = checkBacks.get().get(message.getTopic());
        String attemptId = attempts.idOf(message);
        if (checkBack == null || !(arg instanceof LocalTransaction localTransaction) || attemptId == null) {
            // a half message nobody can check back would stay undecided after a crash: never start one
            log.error("topic {} has no check-back, or no local transaction or attempt id was passed: rolling back", message.getTopic());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        String uniqueId = MessageClientIDSetter.getUniqID(message);
        if (uniqueId != null) {
            running.add(uniqueId);
        }
        try {
            localTransaction.execute(attemptId);
            if (faultSwitches.shouldInject(FaultPoints.HALT_AFTER_LOCAL_COMMIT_PREFIX + message.getTopic())) {
                log.error("fault injection: halting after the local transaction of {} keys={} committed", message.getTopic(), message.getKeys());
                Runtime.getRuntime().halt(137);
            }
            if (faultSwitches.shouldInject(FaultPoints.LOST_AFTER_LOCAL_COMMIT_PREFIX + message.getTopic())) {
                log.error("fault injection: half message of {} keys={} lost after its local commit", message.getTopic(), message.getKeys());
                LOST_AFTER_COMMIT.set(true);
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
            return LocalTransactionState.COMMIT_MESSAGE;
        } catch (RuntimeException e) {
            LAST_FAILURE.set(e);
            LocalTransactionState state = checkBack.stateOnFailure(e);
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

    /** Every answer is counted by topic and answer ({@link EshopMetrics#CHECK_BACKS}). */
    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        LocalTransactionState answer = answerCheckBack(message);
        metrics.checkBack(message.getTopic(), answer);
        return answer;
    }

    private LocalTransactionState answerCheckBack(MessageExt message) {
        TransactionCheckBack checkBack = checkBacks.get().get(message.getTopic());
        if (checkBack == null) {
            log.error("check-back for topic {} without handler (keys {}): unknown", message.getTopic(), message.getKeys());
            return LocalTransactionState.UNKNOW;
        }
        String attemptId = attempts.idOf(message);
        if (attemptId == null) {
            // not sent by MqProducer.sendInTransaction: nothing can prove its local transaction committed
            LocalTransactionState state = checkBackPolicy.decide(false, message);
            log.warn("check-back {} keys={} without an attempt id -> {}", message.getTopic(), message.getKeys(), state);
            return state;
        }
        String uniqueId = MessageClientIDSetter.getUniqID(message);
        if (uniqueId != null && running.contains(uniqueId)) {
            log.info("check-back {} keys={} -> UNKNOW (its local transaction is still running here)", message.getTopic(), message.getKeys());
            return LocalTransactionState.UNKNOW;
        }
        try {
            String lockKey = checkBack.lockKey(message);
            Optional<RedisLock.LockHandle> senderLock = locks.tryLockNow(lockKey);
            if (senderLock.isEmpty()) {
                log.info("check-back {} keys={} -> UNKNOW ({} is held: a sender may be inside the local transaction)",
                        message.getTopic(), message.getKeys(), lockKey);
                return LocalTransactionState.UNKNOW;
            }
            try (RedisLock.LockHandle ignored = senderLock.get()) {
                LocalTransactionState state = checkBackPolicy.decide(checkBack.isCommitted(message, attemptId), message);
                log.info("check-back {} keys={} -> {}", message.getTopic(), message.getKeys(), state);
                return state;
            }
        } catch (RuntimeException e) {
            log.warn("check-back {} keys={} failed, will be asked again", message.getTopic(), message.getKeys(), e);
            return LocalTransactionState.UNKNOW;
        }
    }
}
