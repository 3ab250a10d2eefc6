package com.eshop.consistency;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC reads (root, no password: the local stack's MariaDB), each database in one consistent snapshot. */
public final class Jdbc {
    private Jdbc() {
    }

    /** One result row by column label. */
    public static final class Row {
        private final Map<String, Object> values;

        Row(Map<String, Object> values) {
            this.values = values;
        }

        public Object get(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
            }
            return values.get(column);
        }

        public String str(String column) {
            Object v = get(column);
            return v == null ? null : v.toString();
        }

        public long lng(String column) {
            Object v = get(column);
            return v == null ? 0 : ((Number) v).longValue();
        }

        public Integer integer(String column) {
            Object v = get(column);
            return v == null ? null : ((Number) v).intValue();
        }

        Map<String, Object> asMap() {
            return values;
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "root", "");
    }

    static List<Row> query(String url, String sql, Object... args) {
        try (Connection c = connect(url)) {
            return query(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    public static List<Row> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(new Row(row));
                }
                return rows;
            }
        }
    }

    /** Runs {@code reads} inside one REPEATABLE READ transaction started WITH CONSISTENT SNAPSHOT. */
    interface SnapshotReads<T> {
        T read(Connection c) throws SQLException;
    }

    static <T> T inSnapshot(String url, SnapshotReads<T> reads) {
        try (Connection c = connect(url)) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            }
            try {
                return reads.read(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    static int update(String url, String sql, Object... args) {
        try (Connection c = connect(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
