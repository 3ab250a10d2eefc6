package com.eshop.consistency;

import com.eshop.consistency.OrderPlan.Flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The deterministic part of the workload: for a seed, a round and a count, always the same orders with the same
 * flows, users, coupon wishes, items and steps. Each order has its own random stream (seed, round, index), so a
 * plan does not change when another order's plan does.
 */
public final class PlanGenerator {
    public static final int WECHAT = 10;
    public static final int ALIPAY = 20;
    /** SKU-LIMITED has 5 in stock (sql/inventory_db.sql): asking for this many is always refused. */
    static final String LIMITED_SKU = "SKU-LIMITED";
    static final int LIMITED_QUANTITY = 50;

    private static final Map<Flow, Integer> WEIGHTS = new EnumMap<>(Flow.class);

    static {
        WEIGHTS.put(Flow.PAY_KEEP, 14);
        WEIGHTS.put(Flow.PAY_THEN_CANCEL, 14);
        WEIGHTS.put(Flow.UNPAID_CANCEL, 10);
        WEIGHTS.put(Flow.TIMEOUT, 14);
        WEIGHTS.put(Flow.PAY_VS_CANCEL, 10);
        WEIGHTS.put(Flow.SECOND_PAY_TYPE, 8);
        WEIGHTS.put(Flow.OUT_STOCK_THEN_CANCEL, 9);
        WEIGHTS.put(Flow.OUT_STOCK_VS_CANCEL, 6);
        WEIGHTS.put(Flow.PAY_AT_EXPIRY, 5);
        WEIGHTS.put(Flow.DOUBLE_CANCEL, 5);
        WEIGHTS.put(Flow.REFUSED_CREATE, 5);
    }

    private static final int FULFILL = 30;
    private static final long AWAIT_FULFILL_MS = 45_000;

    private final long seed;
    private final List<String> skus;
    private final List<String> users;

    /**
     * @param skus  SKUs to order (each priced above a coupon's 10.00 when the order uses a coupon)
     * @param users users for orders without a coupon
     */
    public PlanGenerator(long seed, List<String> skus, List<String> users) {
        this.seed = seed;
        this.skus = List.copyOf(skus);
        this.users = List.copyOf(users);
    }

    /** The demo data of sql/: SKU-1001..SKU-1020 without SKU-1015 (9.90, below a coupon), users U1001..U1100. */
    public static PlanGenerator forDemoData(long seed) {
        List<String> skus = new ArrayList<>();
        for (int i = 1001; i <= 1020; i++) {
            if (i != 1015) {
                skus.add("SKU-" + i);
            }
        }
        List<String> users = new ArrayList<>();
        for (int i = 1001; i <= 1100; i++) {
            users.add("U" + i);
        }
        return new PlanGenerator(seed, skus, users);
    }

    /** Order id prefix of a round: unique per run tag and round, so that LIKE 'prefix%' selects exactly the round. */
    public static String prefix(String runTag, int round) {
        return runTag + "R" + round + "-";
    }

    public List<OrderPlan> generate(String runTag, int round, int count) {
        List<OrderPlan> plans = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            plans.add(plan(prefix(runTag, round), round, i));
        }
        return plans;
    }

    OrderPlan plan(String prefix, int round, int index) {
        SplittableRandom r = new SplittableRandom(mix(seed, round, index));
        Flow flow = pickFlow(r);
        boolean coupon = r.nextInt(100) < (flow == Flow.REFUSED_CREATE ? 70 : 40);
        String user = users.get(r.nextInt(users.size()));
        Map<String, Integer> items = items(r, flow);
        List<Step> steps = steps(r, flow);
        return new OrderPlan(index, prefix + String.format("%05d", index), flow, user, coupon, items, steps);
    }

    private Map<String, Integer> items(SplittableRandom r, Flow flow) {
        Map<String, Integer> items = new LinkedHashMap<>();
        int lines = 1 + r.nextInt(3);
        for (int l = 0; l < lines; l++) {
            items.merge(skus.get(r.nextInt(skus.size())), 1 + r.nextInt(3), Integer::sum);
        }
        if (flow == Flow.REFUSED_CREATE) {
            items.put(LIMITED_SKU, LIMITED_QUANTITY);
        }
        return items;
    }

    /** The create, then the flow's steps paying with one pay type (and, for SECOND_PAY_TYPE, the other). */
    private static List<Step> steps(SplittableRandom r, Flow flow) {
        int w = r.nextBoolean() ? WECHAT : ALIPAY;
        List<Step> s = new ArrayList<>();
        s.add(new Step.Create());
        switch (flow) {
            case PAY_KEEP -> payKeep(s, r, w);
            case PAY_THEN_CANCEL -> payThenCancel(s, r, w);
            case UNPAID_CANCEL -> unpaidCancel(s, r, w);
            case TIMEOUT -> timeout(s, r, w);
            case PAY_VS_CANCEL -> {
                s.add(new Step.PrePay(w));
                s.add(pause(r, 0, 500));
                s.add(new Step.Race(List.of(new Step.Callback(w), new Step.Cancel())));
            }
            case SECOND_PAY_TYPE -> secondPayType(s, r, w);
            case OUT_STOCK_THEN_CANCEL -> outStockThenCancel(s, r, w);
            case OUT_STOCK_VS_CANCEL -> {
                s.add(new Step.PrePay(w));
                s.add(new Step.Callback(w));
                s.add(awaitFulfill());
                s.add(new Step.Race(List.of(new Step.OutStock(), new Step.Cancel())));
            }
            case PAY_AT_EXPIRY -> {
                s.add(new Step.PrePay(w));
                s.add(new Step.AwaitExpiry(-500 + r.nextInt(2000)));
                s.add(new Step.Callback(w));
            }
            case DOUBLE_CANCEL -> doubleCancel(s, r, w);
            case REFUSED_CREATE -> {
                // the create alone: refused after the coupon (market) and part of the stock were locked
            }
        }
        return List.copyOf(s);
    }

    private static void payKeep(List<Step> s, SplittableRandom r, int w) {
        s.add(pause(r, 0, 800));
        s.add(new Step.PrePay(w));
        s.add(pause(r, 0, 500));
        s.add(new Step.Callback(w));
        if (chance(r, 30)) {
            s.add(pause(r, 200, 2000));
            s.add(new Step.Callback(w));
        }
    }

    private static void payThenCancel(List<Step> s, SplittableRandom r, int w) {
        s.add(new Step.PrePay(w));
        s.add(new Step.Callback(w));
        s.add(chance(r, 60) ? awaitFulfill() : pause(r, 0, 1500));
        s.add(new Step.Cancel());
        if (chance(r, 30)) {
            s.add(pause(r, 300, 2000));
            s.add(new Step.Callback(w));
        }
    }

    private static void unpaidCancel(List<Step> s, SplittableRandom r, int w) {
        boolean prePaid = chance(r, 50);
        if (prePaid) {
            s.add(new Step.PrePay(w));
        }
        s.add(pause(r, 0, 1500));
        s.add(new Step.Cancel());
        if (prePaid && chance(r, 50)) {
            s.add(pause(r, 200, 3000));
            s.add(new Step.Callback(w));
        }
        if (chance(r, 20)) {
            s.add(new Step.Cancel());
        }
    }

    private static void timeout(List<Step> s, SplittableRandom r, int w) {
        boolean prePaid = chance(r, 40);
        if (prePaid) {
            s.add(new Step.PrePay(w));
        }
        s.add(new Step.AwaitExpiry(200 + r.nextInt(3800)));
        if (chance(r, 30)) {
            s.add(new Step.Scan());
        }
        if (prePaid && chance(r, 40)) {
            s.add(new Step.AwaitExpiry(3000 + r.nextInt(5000)));
            s.add(new Step.Callback(w));
        }
    }

    private static void secondPayType(List<Step> s, SplittableRandom r, int w) {
        int other = w == WECHAT ? ALIPAY : WECHAT;
        s.add(new Step.PrePay(w));
        s.add(new Step.PrePay(other));
        s.add(new Step.Callback(w));
        s.add(pause(r, 0, 1000));
        s.add(new Step.Callback(other));
        if (chance(r, 40)) {
            s.add(pause(r, 0, 1500));
            s.add(new Step.Cancel());
        }
    }

    private static void outStockThenCancel(List<Step> s, SplittableRandom r, int w) {
        s.add(new Step.PrePay(w));
        s.add(new Step.Callback(w));
        s.add(awaitFulfill());
        s.add(pause(r, 0, 1000));
        s.add(new Step.OutStock());
        s.add(pause(r, 0, 500));
        s.add(new Step.Cancel());
        if (chance(r, 30)) {
            s.add(new Step.Callback(w));
        }
    }

    private static void doubleCancel(List<Step> s, SplittableRandom r, int w) {
        s.add(new Step.PrePay(w));
        s.add(new Step.Callback(w));
        if (chance(r, 50)) {
            s.add(awaitFulfill());
        }
        s.add(new Step.Race(List.of(new Step.Cancel(), new Step.Cancel())));
    }

    private static Step awaitFulfill() {
        return new Step.AwaitStatus(Set.of(FULFILL), AWAIT_FULFILL_MS);
    }

    private static Step pause(SplittableRandom r, int min, int max) {
        return new Step.Pause(min + r.nextInt(Math.max(1, max - min)));
    }

    private static boolean chance(SplittableRandom r, int percent) {
        return r.nextInt(100) < percent;
    }

    private static Flow pickFlow(SplittableRandom r) {
        int total = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        int x = r.nextInt(total);
        for (Map.Entry<Flow, Integer> e : WEIGHTS.entrySet()) {
            x -= e.getValue();
            if (x < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException();
    }

    private static long mix(long seed, int round, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + round * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}
