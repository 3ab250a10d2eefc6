package com.eshop.consistency.bench;

import com.eshop.consistency.Jdbc;
import com.eshop.consistency.Jdbc.Row;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One caller's connections, one per database with autocommit off, and the statements and commits it issued. */
final class FloorCaller {
    private final Map<FloorDatabase, Connection> connections = new EnumMap<>(FloorDatabase.class);
    private long statements;
    private long transactions;

    void attach(FloorDatabase db, Connection connection) throws SQLException {
        connections.put(db, connection);
        connection.setAutoCommit(false);
    }

    List<Row> query(FloorDatabase db, String sql, Object... args) throws SQLException {
        statements++;
        return Jdbc.query(connections.get(db), sql, args);
    }

    Row one(FloorDatabase db, String sql, Object... args) throws SQLException {
        List<Row> rows = query(db, sql, args);
        if (rows.size() != 1) {
            throw new IllegalStateException(db.schema + ": " + rows.size() + " rows instead of one from " + sql + " "
                    + Arrays.toString(args));
        }
        return rows.get(0);
    }

    void none(FloorDatabase db, String sql, Object... args) throws SQLException {
        List<Row> rows = query(db, sql, args);
        if (!rows.isEmpty()) {
            throw new IllegalStateException(db.schema + ": unexpected rows from " + sql + " " + Arrays.toString(args));
        }
    }

    void update(FloorDatabase db, int expectedRows, String sql, Object... args) throws SQLException {
        int changed;
        try (PreparedStatement statement = connections.get(db).prepareStatement(sql)) {
            bind(statement, args);
            statements++;
            changed = statement.executeUpdate();
        }
        if (changed != expectedRows) {
            throw new IllegalStateException(db.schema + ": " + changed + " rows instead of " + expectedRows + " changed by "
                    + sql + " " + Arrays.toString(args));
        }
    }

    void commit(FloorDatabase db) throws SQLException {
        connections.get(db).commit();
        transactions++;
    }

    long statements() {
        return statements;
    }

    long transactions() {
        return transactions;
    }

    /** Closes every connection (an open transaction is rolled back); a failed close has no bearing on the result. */
    void close() {
        for (Connection connection : connections.values()) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is given up either way
            }
        }
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
