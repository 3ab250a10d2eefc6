package com.eshop.support.mq;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CheckBackPolicyTest {
    private long now = 1_000_000;
    private final CheckBackPolicy policy = new CheckBackPolicy(Duration.ofSeconds(60), () -> now);

    @Test
    void aCommittedLocalTransactionIsCommittedWhateverTheAge() {
        assertThat(policy.decide(true, bornAt(now))).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(policy.decide(true, bornAt(now - 3_600_000))).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
    }

    @Test
    void anAbsentEffectIsUnknownWhileTheTransactionMayStillRunAndRolledBackAfterwards() {
        assertThat(policy.decide(false, bornAt(now - 59_999))).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(policy.decide(false, bornAt(now - 60_000))).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    private static MessageExt bornAt(long millis) {
        MessageExt message = new MessageExt();
        message.setBornTimestamp(millis);
        return message;
    }
}
