package com.eshop.support.mq;

import java.util.Map;

/**
 * The broker's delay levels, written as its {@code messageDelayLevel} setting ("1s 5s 10s ...", units s, m, h, d),
 * level 1 first and each longer than the one before.
 */
public final class DelayLevels {
    private static final Map<Character, Long> UNIT_MILLIS = Map.of('s', 1_000L, 'm', 60_000L, 'h', 3_600_000L, 'd', 86_400_000L);

    private final long[] delayMillis;

    private DelayLevels(long[] delayMillis) {
        this.delayMillis = delayMillis;
    }

    public static DelayLevels parse(String levels) {
        String[] words = levels == null ? new String[0] : levels.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("no delay levels in \"" + levels + "\"");
        }
        long[] delayMillis = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            delayMillis[i] = millis(words[i], levels);
            if (i > 0 && delayMillis[i] <= delayMillis[i - 1]) {
                throw new IllegalArgumentException("delay levels must grow: " + words[i] + " after " + words[i - 1] + " in \"" + levels + "\"");
            }
        }
        return new DelayLevels(delayMillis);
    }

    private static long millis(String word, String levels) {
        Long unit = UNIT_MILLIS.get(word.charAt(word.length() - 1));
        try {
            long amount = Long.parseLong(word.substring(0, word.length() - 1));
            if (unit == null || amount <= 0) {
                throw new NumberFormatException();
            }
            return amount * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("delay level \"" + word + "\" is not a positive number of s, m, h or d in \"" + levels + "\"");
        }
    }

    /**
     * The level of the longest delay that does not pass {@code remainingMillis}, so a message sent with it never
     * arrives after its time; level 1 when even that one is longer (the message is then up to one level late).
     */
    public int levelWithin(long remainingMillis) {
        int level = 1;
        while (level < delayMillis.length && delayMillis[level] <= remainingMillis) {
            level++;
        }
        return level;
    }

    public int highestLevel() {
        return delayMillis.length;
    }
}
