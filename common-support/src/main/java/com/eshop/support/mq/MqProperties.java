package com.eshop.support.mq;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Data
@ConfigurationProperties("eshop.rocketmq")
public class MqProperties {
    private String nameServer = "127.0.0.1:19876";
    /** One transactional producer per service; its check-backs go to any instance of the group. */
    private String producerGroup;
    /** Retries before a message goes to %DLQ%group. */
    private int maxReconsumeTimes = 16;
    /** Delay level of the first retry, each further retry one level longer (0 = broker default: level 3 and up). */
    private int retryDelayLevel = 0;
    /**
     * How a message is held back until its time (the pay timeout): TIMER, a RocketMQ 5 timer message delivered at
     * that time; LEVEL, for RocketMQ 4.x brokers, which ignore timer messages: the longest delay level within the
     * remaining time, sent again on early arrival until the time has come.
     */
    private DelayMode delayMode = DelayMode.TIMER;
    /**
     * The broker's delay levels, as its messageDelayLevel setting (level 1 first, units s, m, h, d): the LEVEL delay
     * mode chooses among them, and a consumer's retries climb them no higher than the last.
     */
    private String delayLevels = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
    private int consumeThreadMin = 4;
    private int consumeThreadMax = 8;
    /**
     * Consuming threads of particular consumer groups, by group name, instead of consume-thread-min (the client's pool
     * grows beyond its minimum only when its queue is full, which it never is: the minimum is what consumes).
     */
    private Map<String, Integer> consumeThreads = new HashMap<>();
    private int pollNameServerIntervalMs = 30_000;
    private int sendTimeoutMs = 5_000;
    /**
     * A check-back that does not find its local transaction's effect answers UNKNOW until the message is this old,
     * then ROLLBACK; longer than the longest local transaction (the cancel's global transaction times out at 30 s).
     */
    private Duration checkBackRollbackAfter = Duration.ofSeconds(60);
    /**
     * Message properties under which senders before the one attempt-id property stored a transactional message's
     * attempt id (RELEASE_ASSETS, PAID_ORDER_SUCCESS, ACTUAL_REFUND, the refund's coupon release): read when a message
     * has no {@code txAttemptId}, and written beside it, so old and new instances answer each other's check-backs
     * during a rolling deploy. Empty once no instance older than the one property is left.
     */
    private List<String> legacyAttemptIdProperties = List.of("cancelRequestId", "payRequestId", "afterSaleRequestId");
    /**
     * Threads answering the broker's check-backs (the client's default is one: a slow answer then delays every other,
     * and the broker asks again for each unanswered half message in its next round).
     */
    private int checkBackThreads = 4;
    /** On shutdown each consumer stops pulling and waits this long for the messages it is consuming. */
    private Duration shutdownAwait = Duration.ofSeconds(15);
    /** Most dead letters one call of the deadletters endpoint re-drives. */
    private int dlqRedriveMax = 1000;
    /** How long a reading of a group's dead-letter depth (gauge eshop.mq.dlq.depth) is reused before the broker is asked again. */
    private Duration dlqDepthRefresh = Duration.ofSeconds(30);

    /** Threads consuming for this group. */
    public int consumeThreadsOf(String consumerGroup) {
        return consumeThreads.getOrDefault(consumerGroup, consumeThreadMin);
    }

    public enum DelayMode {
        /** RocketMQ 5 timer message: delivered at its time. */
        TIMER,
        /** Delay levels (RocketMQ 4.x brokers): delivered at its time or early, then sent again. */
        LEVEL
    }
}
