package com.eshop.consistency;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Order statuses of the round, refreshed by one bulk query every 250 ms (for the await steps). */
final class StatusBoard implements Runnable {
    private final Function<String, String> jdbc;
    private final String prefix;
    private volatile Map<String, Integer> statuses = Map.of();
    private volatile boolean running = true;

    StatusBoard(Function<String, String> jdbcUrlOfDatabase, String prefix) {
        this.jdbc = jdbcUrlOfDatabase;
        this.prefix = prefix;
    }

    Integer status(String orderId) {
        return statuses.get(orderId);
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Map<String, Integer> m = new HashMap<>();
                for (Jdbc.Row row : Jdbc.query(jdbc.apply("order_db"), "SELECT order_id, order_status FROM order_info WHERE order_id LIKE ?",
                        prefix + "%")) {
                    m.put(row.str("order_id"), row.integer("order_status"));
                }
                statuses = m;
            } catch (RuntimeException e) {
                // the database is never restarted by the workload; a transient error: next poll
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
