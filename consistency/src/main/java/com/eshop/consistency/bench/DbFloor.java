package com.eshop.consistency.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The database floor of the benchmark: the business SQL of one paid-order cancellation chain ({@link FloorChain}),
 * issued over plain JDBC against the services' own databases, without Seata, Redis locks, MQ or pooling, by a number
 * of callers at once over orders seeded beforehand ({@link FloorSeed}).
 */
public final class DbFloor {

    /** The measured floor; latencies are per order, the whole chain run by one caller. */
    public record Result(int orders, int callers, double ordersPerSecond, int statementsPerOrder, int transactionsPerOrder,
                         long p50Micros, long p99Micros) {
    }

    /** Keeps every derived id within its column: order_id is VARCHAR(64) and gets "-F" plus the order index appended. */
    private static final int MAX_RUN_TAG_LENGTH = 40;

    private final FloorConnections connections;

    /** jdbcUrl(database) gives e.g. "jdbc:mysql://127.0.0.1:13306/order_db?..." for a database name; user/password given. */
    public DbFloor(Function<String, String> jdbcUrl, String user, String password) {
        this.connections = new FloorConnections(jdbcUrl, user, password);
    }

    /**
     * Seeds {@code orders} paid orders (rows in every table the chain touches, ids prefixed with runTag, not timed),
     * then runs the floor chain for all of them with {@code callers} threads, each caller on its own JDBC
     * connections (one per database, autocommit off); returns the measured rate. The rows stay.
     */
    public Result run(String runTag, int orders, int callers) throws Exception {
        if (runTag == null || runTag.isBlank() || runTag.length() > MAX_RUN_TAG_LENGTH) {
            throw new IllegalArgumentException("runTag must be 1 to " + MAX_RUN_TAG_LENGTH + " characters: " + runTag);
        }
        if (orders < 1 || callers < 1) {
            throw new IllegalArgumentException("orders and callers must be positive: " + orders + ", " + callers);
        }
        List<BenchOrder> benchOrders = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            benchOrders.add(BenchOrder.of(runTag, i));
        }
        new FloorSeed(connections).seed(runTag, benchOrders);
        return measure(benchOrders, callers);
    }

    private Result measure(List<BenchOrder> orders, int callerCount) throws Exception {
        List<FloorCaller> callers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callerCount);
        try {
            for (int c = 0; c < callerCount; c++) {
                FloorCaller caller = new FloorCaller();
                callers.add(caller);
                for (FloorDatabase db : FloorDatabase.values()) {
                    caller.attach(db, connections.connect(db));
                }
            }
            long[] latencyMicros = new long[orders.size()];
            AtomicInteger nextOrder = new AtomicInteger();
            AtomicBoolean failed = new AtomicBoolean();
            List<Future<Void>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (FloorCaller caller : callers) {
                running.add(pool.submit(() -> {
                    try {
                        int index;
                        while (!failed.get() && (index = nextOrder.getAndIncrement()) < orders.size()) {
                            long orderStart = System.nanoTime();
                            FloorChain.cancelPaidOrder(caller, orders.get(index));
                            latencyMicros[index] = (System.nanoTime() - orderStart) / 1_000;
                        }
                        return null;
                    } catch (SQLException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                }));
            }
            awaitAll(running);
            double seconds = (System.nanoTime() - start) / 1e9;

            long statements = callers.stream().mapToLong(FloorCaller::statements).sum();
            long transactions = callers.stream().mapToLong(FloorCaller::transactions).sum();
            Arrays.sort(latencyMicros);
            return new Result(orders.size(), callerCount, orders.size() / seconds,
                    (int) (statements / orders.size()), (int) (transactions / orders.size()),
                    percentile(latencyMicros, 0.50), percentile(latencyMicros, 0.99));
        } finally {
            pool.shutdown();
            callers.forEach(FloorCaller::close);
        }
    }

    /** Waits for every caller, so none is still using its connections when the first failure is thrown. */
    private static void awaitAll(List<Future<Void>> running) throws Exception {
        Exception failure = null;
        for (Future<Void> caller : running) {
            try {
                caller.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(fraction * sorted.length) - 1)];
    }
}
