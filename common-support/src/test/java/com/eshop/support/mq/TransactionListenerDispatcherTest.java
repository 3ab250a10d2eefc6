package com.eshop.support.mq;

import com.eshop.support.fault.FaultSwitches;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

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
 * listener that dispatches per message, concurrent sends each run their own local transaction.
 */
class TransactionListenerDispatcherTest {
    private final Map<String, String> executedFor = new ConcurrentHashMap<>();

    private LocalTransactionHandler handler(String topic) {
        return new LocalTransactionHandler() {
            @Override
            public String topic() {
                return topic;
            }

            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                executedFor.put((String) arg, topic);
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return message.getKeys().startsWith(topic) ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
            }
        };
    }

    @Test
    void concurrentRequestsRunTheirOwnLocalTransactions() throws Exception {
        TransactionListenerDispatcher dispatcher = new TransactionListenerDispatcher(
                () -> List.of(handler("cancel"), handler("pay")), FaultSwitches.disabled());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 200; i++) {
            String topic = i % 2 == 0 ? "cancel" : "pay";
            String request = topic + "-" + i;
            pool.submit(() -> {
                start.await();
                return dispatcher.executeLocalTransaction(new Message(topic, new byte[0]), request);
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(executedFor).hasSize(200);
        executedFor.forEach((request, topic) -> assertThat(request).startsWith(topic));
    }

    @Test
    void checkBackDecidesFromTheMessageAloneAndAFailingCheckIsAskedAgain() {
        TransactionListenerDispatcher dispatcher = new TransactionListenerDispatcher(() -> List.of(handler("cancel")), FaultSwitches.disabled());
        MessageExt committed = new MessageExt();
        committed.setTopic("cancel");
        committed.setKeys("cancel-1");
        MessageExt unknownTopic = new MessageExt();
        unknownTopic.setTopic("other");

        assertThat(dispatcher.checkLocalTransaction(committed)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(dispatcher.checkLocalTransaction(unknownTopic)).isEqualTo(LocalTransactionState.UNKNOW);
    }

    @Test
    void aCheckBackOfALocalTransactionStillRunningHereIsUnknownWithoutAskingTheHandler() throws Exception {
        CountDownLatch insideLocalTransaction = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> checked = new CopyOnWriteArrayList<>();
        LocalTransactionHandler slow = new LocalTransactionHandler() {
            @Override
            public String topic() {
                return "cancel";
            }

            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                insideLocalTransaction.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checked.add(message.getKeys());
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        };
        TransactionListenerDispatcher dispatcher = new TransactionListenerDispatcher(() -> List.of(slow), FaultSwitches.disabled());
        Message sent = new Message("cancel", "O1", new byte[0]);
        MessageClientIDSetter.setUniqID(sent);
        MessageExt checkBack = new MessageExt();
        checkBack.setTopic("cancel");
        checkBack.setKeys("O1");
        checkBack.getProperties().putAll(sent.getProperties());
        ExecutorService sender = Executors.newSingleThreadExecutor();
        Future<LocalTransactionState> outcome = sender.submit(() -> dispatcher.executeLocalTransaction(sent, null));
        assertThat(insideLocalTransaction.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(dispatcher.checkLocalTransaction(checkBack)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(checked).isEmpty();

        finish.countDown();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        sender.shutdown();
        assertThat(dispatcher.checkLocalTransaction(checkBack)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(checked).containsExactly("O1");
    }

    @Test
    void aFailedLocalTransactionIsRolledBackAndItsCauseKeptForTheSender() {
        LocalTransactionHandler failing = new LocalTransactionHandler() {
            @Override
            public String topic() {
                return "t";
            }

            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                throw new IllegalStateException("refused");
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
        };
        TransactionListenerDispatcher dispatcher = new TransactionListenerDispatcher(() -> List.of(failing), FaultSwitches.disabled());

        assertThat(dispatcher.executeLocalTransaction(new Message("t", new byte[0]), null)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(TransactionListenerDispatcher.takeLastFailure()).hasMessage("refused");
        assertThat(TransactionListenerDispatcher.takeLastFailure()).isNull();
    }
}
