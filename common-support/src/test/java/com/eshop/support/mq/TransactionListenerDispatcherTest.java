package com.eshop.support.mq;

import com.eshop.support.fault.FaultSwitches;
import com.eshop.support.lock.InProcessRedisLock;
import com.eshop.support.lock.RedisLock;
import com.eshop.support.metrics.EshopMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression for the article's shared producer whose listener was replaced per request (defect 1): with one
 * listener that runs the local transaction passed with each message, concurrent sends each run their own. Check-backs
 * answer from the message, under the sender's lock, by the check-back policy.
 */
class TransactionListenerDispatcherTest {
    private static final long NOW = 1_000_000;

    private final RedisLock locks = InProcessRedisLock.create(Duration.ZERO);
    private final CheckBackPolicy policy = new CheckBackPolicy(Duration.ofSeconds(60), () -> NOW);
    private final List<String> checked = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Committed when the attempt id starts with the topic; the sender locks "lock-" + key. */
    private TransactionCheckBack checkBack(String topic) {
        return new TransactionCheckBack() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public String lockKey(MessageExt message) {
                return "lock-" + message.getKeys();
            }

            @Override
            public boolean isCommitted(MessageExt message, String attemptId) {
                checked.add(message.getKeys());
                return attemptId.startsWith(topic);
            }
        };
    }

    private TransactionListenerDispatcher dispatcher(TransactionCheckBack... checkBacks) {
        return new TransactionListenerDispatcher(() -> List.of(checkBacks), policy, locks, FaultSwitches.disabled(),
                new EshopMetrics(registry), List.of("legacyRequestId"));
    }

    @Test
    void concurrentRequestsRunTheirOwnLocalTransactions() throws Exception {
        Map<String, String> executedFor = new ConcurrentHashMap<>();
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"), checkBack("pay"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            String topic = i % 2 == 0 ? "cancel" : "pay";
            String request = topic + "-" + i;
            LocalTransaction localTransaction = attemptId -> executedFor.put(request, attemptId);
            pool.submit(() -> {
                start.await();
                return dispatcher.executeLocalTransaction(sent(topic, request, request + "-attempt"), localTransaction);
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(executedFor).hasSize(200);
        executedFor.forEach((request, attemptId) -> assertThat(attemptId).isEqualTo(request + "-attempt"));
    }

    @Test
    void theLocalTransactionGetsTheAttemptIdTheProducerWroteIntoTheMessage() {
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));
        Message message = new Message("cancel", "order-1", new byte[0]);
        String minted = new TransactionAttempts(List.of("legacyRequestId")).mint(message);
        List<String> ranWith = new CopyOnWriteArrayList<>();

        assertThat(dispatcher.executeLocalTransaction(message, (LocalTransaction) ranWith::add)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);

        assertThat(ranWith).containsExactly(minted);
        assertThat(message.getUserProperty(TransactionAttempts.PROPERTY)).isEqualTo(minted);
        assertThat(message.getUserProperty("legacyRequestId")).as("an old instance answers by its own property").isEqualTo(minted);
    }

    @Test
    void aHalfMessageOfAnOldSenderIsAnsweredByTheAttemptIdUnderItsLegacyProperty() {
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));
        MessageExt old = checkBackOf("cancel", "order-2", NOW - 3_600_000);
        old.getProperties().remove(TransactionAttempts.PROPERTY);
        old.putUserProperty("legacyRequestId", "cancel-old-attempt");
        MessageExt oldOfAnotherAttempt = checkBackOf("cancel", "order-3", NOW - 3_600_000);
        oldOfAnotherAttempt.getProperties().remove(TransactionAttempts.PROPERTY);
        oldOfAnotherAttempt.putUserProperty("legacyRequestId", "another-attempt");

        assertThat(dispatcher.checkLocalTransaction(old)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(dispatcher.checkLocalTransaction(oldOfAnotherAttempt)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    @Test
    void aMessageWithoutAttemptIdIsNeverStartedAndItsCheckBackNeverCommits() {
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThat(dispatcher.executeLocalTransaction(new Message("cancel", new byte[0]), (LocalTransaction) ran::add))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        MessageExt young = checkBackOf("cancel", "cancel-9", NOW - 1_000);
        young.getProperties().remove(TransactionAttempts.PROPERTY);
        MessageExt old = checkBackOf("cancel", "cancel-9", NOW - 3_600_000);
        old.getProperties().remove(TransactionAttempts.PROPERTY);
        assertThat(dispatcher.checkLocalTransaction(young)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(dispatcher.checkLocalTransaction(old)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);

        assertThat(ran).isEmpty();
        assertThat(checked).isEmpty();
    }

    @Test
    void aTopicWithoutCheckBackOrWithoutLocalTransactionIsNeverStarted() {
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));
        List<String> ran = new CopyOnWriteArrayList<>();

        assertThat(dispatcher.executeLocalTransaction(sent("other", "other-1", "a"), (LocalTransaction) ran::add))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(dispatcher.executeLocalTransaction(sent("cancel", "cancel-1", "a"), "not a local transaction"))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(ran).isEmpty();
    }

    @Test
    void checkBackDecidesFromTheMessageByThePolicyAndAnUnknownTopicIsAskedAgain() {
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));

        assertThat(dispatcher.checkLocalTransaction(checkBackOf("cancel", "cancel-1", NOW - 3_600_000)))
                .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(dispatcher.checkLocalTransaction(checkBackOf("cancel", "other-1", NOW - 1_000)))
                .isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(dispatcher.checkLocalTransaction(checkBackOf("cancel", "other-2", NOW - 60_000)))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(dispatcher.checkLocalTransaction(checkBackOf("unknown", "unknown-1", NOW)))
                .isEqualTo(LocalTransactionState.UNKNOW);

        assertThat(checkBacks("cancel", "COMMIT")).isEqualTo(1);
        assertThat(checkBacks("cancel", "UNKNOW")).isEqualTo(1);
        assertThat(checkBacks("cancel", "ROLLBACK")).isEqualTo(1);
        assertThat(checkBacks("unknown", "UNKNOW")).isEqualTo(1);
    }

    private double checkBacks(String topic, String answer) {
        return registry.counter(EshopMetrics.CHECK_BACKS, "topic", topic, "answer", answer).count();
    }

    @Test
    void whileTheSendersLockIsHeldTheCheckBackIsUnknownWithoutReadingState() throws Exception {
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));
        MessageExt message = checkBackOf("cancel", "cancel-7", NOW - 3_600_000);
        ExecutorService sender = Executors.newSingleThreadExecutor();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = sender.submit(() -> {
            try (RedisLock.LockHandle ignored = locks.lock("lock-cancel-7")) {
                locked.countDown();
                release.await();
            }
            return null;
        });
        assertThat(locked.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(dispatcher.checkLocalTransaction(message)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(checked).isEmpty();

        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        sender.shutdown();
        assertThat(dispatcher.checkLocalTransaction(message)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(checked).containsExactly("cancel-7");
    }

    @Test
    void aCheckBackOfALocalTransactionStillRunningHereIsUnknownWithoutReadingState() throws Exception {
        CountDownLatch insideLocalTransaction = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"));
        Message sent = sent("cancel", "cancel-1", "cancel-attempt-1");
        MessageClientIDSetter.setUniqID(sent);
        MessageExt checkBack = checkBackOf("cancel", "cancel-1", NOW);
        checkBack.getProperties().putAll(sent.getProperties());
        ExecutorService sender = Executors.newSingleThreadExecutor();
        LocalTransaction slow = attemptId -> {
            insideLocalTransaction.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Future<LocalTransactionState> outcome = sender.submit(() -> dispatcher.executeLocalTransaction(sent, slow));
        assertThat(insideLocalTransaction.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(dispatcher.checkLocalTransaction(checkBack)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(checked).isEmpty();

        finish.countDown();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        sender.shutdown();
        assertThat(dispatcher.checkLocalTransaction(checkBack)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(checked).containsExactly("cancel-1");
    }

    @Test
    void aFailedLocalTransactionIsAnsweredByItsCheckBackAndItsCauseKeptForTheSender() {
        TransactionCheckBack outcomeUnknownOnFailure = new TransactionCheckBack() {
            @Override
            public String topic() {
                return "t";
            }

            @Override
            public String lockKey(MessageExt message) {
                return "t";
            }

            @Override
            public boolean isCommitted(MessageExt message, String attemptId) {
                return false;
            }

            @Override
            public LocalTransactionState stateOnFailure(RuntimeException failure) {
                return LocalTransactionState.UNKNOW;
            }
        };
        TransactionListenerDispatcher dispatcher = dispatcher(checkBack("cancel"), outcomeUnknownOnFailure);
        LocalTransaction refused = attemptId -> {
            throw new IllegalStateException("refused");
        };

        assertThat(dispatcher.executeLocalTransaction(sent("cancel", "cancel-1", "a"), refused)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(TransactionListenerDispatcher.takeLastFailure()).hasMessage("refused");
        assertThat(TransactionListenerDispatcher.takeLastFailure()).isNull();
        assertThat(dispatcher.executeLocalTransaction(sent("t", "t-1", "a"), refused)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(TransactionListenerDispatcher.takeLastFailure()).hasMessage("refused");
    }

    private static Message sent(String topic, String keys, String attemptId) {
        Message message = new Message(topic, keys, new byte[0]);
        message.putUserProperty(TransactionAttempts.PROPERTY, attemptId);
        return message;
    }

    /** A check-back of a message whose attempt id is its key: committed when the key starts with the topic. */
    private static MessageExt checkBackOf(String topic, String keys, long bornAt) {
        MessageExt message = new MessageExt();
        message.setTopic(topic);
        message.setKeys(keys);
        message.setBornTimestamp(bornAt);
        message.putUserProperty(TransactionAttempts.PROPERTY, keys);
        return message;
    }
}
