package com.eshop.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads (and, for fault set-ups, writes) the services' databases directly: the demo, tests and the checker assert outcomes there. */
public final class Db {
    private final Function<String, String> jdbcUrlOfDatabase;

    public Db(Function<String, String> jdbcUrlOfDatabase) {
        this.jdbcUrlOfDatabase = jdbcUrlOfDatabase;
    }

    public List<Map<String, Object>> rows(String database, String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(jdbcUrlOfDatabase.apply(database), "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet resultSet = statement.executeQuery()) {
                ResultSetMetaData meta = resultSet.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (resultSet.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), resultSet.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }

    public Map<String, Object> row(String database, String sql, Object... args) {
        List<Map<String, Object>> rows = rows(database, sql, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long count(String database, String sql, Object... args) {
        Object value = rows(database, sql, args).get(0).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    public Integer integer(String database, String sql, Object... args) {
        Map<String, Object> row = row(database, sql, args);
        Object value = row == null ? null : row.values().iterator().next();
        return value == null ? null : ((Number) value).intValue();
    }

    /** A DATETIME column as epoch millis (the services write UTC: serverTimezone=UTC). */
    public static long epochMillis(Object datetime) {
        if (datetime instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        }
        return ((java.util.Date) datetime).getTime();
    }

    public int update(String database, String sql, Object... args) {
        try (Connection connection = DriverManager.getConnection(jdbcUrlOfDatabase.apply(database), "root", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql, e);
        }
    }
}
