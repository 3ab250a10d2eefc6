package com.eshop.support.mq;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DelayLevelsTest {
    private static final DelayLevels BROKER_DEFAULT = DelayLevels.parse(new MqProperties().getDelayLevels());

    @ParameterizedTest(name = "{0} ms remaining -> level {1}")
    @CsvSource({
            // below the shortest level, even overdue: the shortest (1 s), never a hot loop
            "-5000, 1", "0, 1", "1, 1", "999, 1",
            "1000, 1", "4999, 1",
            "5000, 2", "9999, 2",
            "10000, 3", "19999, 3", "29999, 3",
            "30000, 4", "59999, 4",
            "60000, 5", "119999, 5",
            "120000, 6",
            "299999, 8", "300000, 9", "599999, 13", "600000, 14", "1199999, 14",
            "1200000, 15", "1799999, 15",
            // the order service's default pay timeout is exactly the 30 m level
            "1800000, 16", "3599999, 16",
            "3600000, 17", "7199999, 17",
            "7200000, 18", "86400000, 18", "9223372036854775807, 18"})
    void theLevelIsTheLongestDelayWithinTheRemainingTime(long remainingMillis, int level) {
        assertThat(BROKER_DEFAULT.levelWithin(remainingMillis)).isEqualTo(level);
    }

    @Test
    void theBrokerDefaultHasEighteenLevels() {
        assertThat(BROKER_DEFAULT.highestLevel()).isEqualTo(18);
    }

    @Test
    void aBrokerWithOtherLevelsIsReadLikeTheBrokerReadsThem() {
        DelayLevels levels = DelayLevels.parse(" 2s  1m 1h 1d ");

        assertThat(levels.highestLevel()).isEqualTo(4);
        assertThat(levels.levelWithin(1_000)).isEqualTo(1);
        assertThat(levels.levelWithin(59_999)).isEqualTo(1);
        assertThat(levels.levelWithin(60_000)).isEqualTo(2);
        assertThat(levels.levelWithin(86_399_999)).isEqualTo(3);
        assertThat(levels.levelWithin(86_400_000)).isEqualTo(4);
    }

    @Test
    void aSingleLevelIsAlwaysChosen() {
        DelayLevels levels = DelayLevels.parse("10s");

        assertThat(levels.levelWithin(0)).isEqualTo(1);
        assertThat(levels.levelWithin(3_600_000)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "1s 5x", "s", "0s 5s", "-1s", "1.5s", "1s 5s 5s", "1m 30s"})
    void levelsThatAreEmptyMalformedOrNotGrowingAreRefused(String levels) {
        assertThatThrownBy(() -> DelayLevels.parse(levels)).isInstanceOf(IllegalArgumentException.class);
    }
}
