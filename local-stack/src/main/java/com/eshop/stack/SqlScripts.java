package com.eshop.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Executes every {@code *.sql} file of a directory (in name order) statement by statement. Statements are split
 * on {@code ;} outside quotes and comments, so both one statement per line and
 * {@code CREATE DATABASE IF NOT EXISTS x; USE x;} on one line work; {@code --}, {@code #} and block comments are
 * dropped. Each file is expected to start with {@code CREATE DATABASE IF NOT EXISTS x; USE x;} and to be
 * re-runnable ({@code CREATE TABLE IF NOT EXISTS}, {@code INSERT IGNORE}); {@code WITH RECURSIVE ... INSERT}
 * is one statement like any other.
 */
final class SqlScripts {

    private SqlScripts() {
    }

    record SqlStatement(int line, String sql) {
    }

    static List<SqlStatement> split(String script) {
        List<SqlStatement> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : '\0';
            if (c == '\n') {
                line++;
            }
            // line comments: "-- " (MySQL needs whitespace after --) and "#"
            if ((c == '-' && next == '-' && (i + 2 >= n || Character.isWhitespace(script.charAt(i + 2))))
                    || c == '#') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                if (i < n) {
                    line++;
                    cur.append('\n');
                }
                continue;
            }
            if (c == '/' && next == '*') {
                int close = script.indexOf("*/", i + 2);
                int stop = close < 0 ? n : close + 2;
                for (int k = i; k < stop; k++) {
                    if (script.charAt(k) == '\n') {
                        line++;
                    }
                }
                i = stop - 1;
                cur.append(' ');
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                if (startLine < 0) {
                    startLine = line;
                }
                cur.append(c);
                int k = i + 1;
                while (k < n) {
                    char q = script.charAt(k);
                    cur.append(q);
                    if (q == '\n') {
                        line++;
                    }
                    if (q == '\\' && c != '`' && k + 1 < n) {
                        cur.append(script.charAt(k + 1));
                        k += 2;
                        continue;
                    }
                    if (q == c) {
                        if (k + 1 < n && script.charAt(k + 1) == c) { // doubled quote
                            cur.append(c);
                            k += 2;
                            continue;
                        }
                        break;
                    }
                    k++;
                }
                i = k;
                continue;
            }
            if (c == ';') {
                String sql = cur.toString().strip();
                if (!sql.isEmpty()) {
                    out.add(new SqlStatement(startLine, sql));
                }
                cur.setLength(0);
                startLine = -1;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            cur.append(c);
        }
        String rest = cur.toString().strip();
        if (!rest.isEmpty()) {
            out.add(new SqlStatement(startLine, rest));
        }
        return out;
    }

    /** Runs all files; returns the list of files executed. */
    static List<Path> runAll(String serverJdbcUrl, Path sqlDir, Consumer<String> log) throws IOException, SQLException {
        if (!Files.isDirectory(sqlDir)) {
            log.accept("no SQL directory at " + sqlDir + " - no databases created");
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(sqlDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        }
        if (files.isEmpty()) {
            log.accept("no *.sql files in " + sqlDir + " - no databases created");
            return files;
        }
        try (Connection c = DriverManager.getConnection(serverJdbcUrl, "root", "")) {
            for (Path f : files) {
                List<SqlStatement> statements = split(Files.readString(f, StandardCharsets.UTF_8));
                for (SqlStatement st : statements) {
                    try (Statement jdbc = c.createStatement()) {
                        jdbc.execute(st.sql());
                    } catch (SQLException e) {
                        String head = st.sql().length() > 300 ? st.sql().substring(0, 300) + " ..." : st.sql();
                        throw new SQLException(f.getFileName() + ":" + st.line() + ": " + e.getMessage()
                                + "\n  statement: " + head, e.getSQLState(), e.getErrorCode(), e);
                    }
                }
            }
        }
        return files;
    }
}
