package com.eshop.systemtest.support;

import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks messages up in the real broker by key: what was delivered, and what waits in the timer wheel or on a delay level. */
public final class Broker implements AutoCloseable {
    /** RocketMQ 5 keeps timer messages in this system topic until they are due. */
    public static final String TIMER_TOPIC = "rmq_sys_wheel_timer";
    /** RocketMQ keeps messages sent with a delay level in this system topic until they are due. */
    public static final String DELAY_LEVEL_TOPIC = "SCHEDULE_TOPIC_XXXX";

    private final DefaultMQAdminExt admin;

    public Broker(String nameServer) {
        admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(nameServer);
        admin.setInstanceName("system-tests-admin");
        try {
            admin.start();
        } catch (MQClientException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The distinct messages stored on {@code topic} with this key (a committed transactional message appears here;
     * a half one does not). A half message that is checked back twice may be committed twice: the broker then
     * stores two copies with the same message id (at-least-once), which count as one message here.
     */
    public List<MessageExt> messages(String topic, String key) {
        try {
            QueryResult result = admin.queryMessage(topic, key, 64, 0, System.currentTimeMillis() + 60_000);
            Map<String, MessageExt> distinct = new LinkedHashMap<>();
            result.getMessageList().stream().filter(m -> m.getKeys() != null && List.of(m.getKeys().split(" ")).contains(key))
                    .forEach(m -> distinct.putIfAbsent(Optional.ofNullable(MessageClientIDSetter.getUniqID(m)).orElse(m.getMsgId()), m));
            return List.copyOf(distinct.values());
        } catch (MQClientException e) {
            if (e.getResponseCode() == 208 || String.valueOf(e.getMessage()).contains("query message by key finished")) {
                return List.of();
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
