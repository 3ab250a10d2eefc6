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
        return new Splitter(script).split();
    }

    /** One pass over a script: its position, line number and the statement being collected. */
    private static final class Splitter {
        private final String script;
        private final int n;
        private final List<SqlStatement> out = new ArrayList<>();
        private final StringBuilder cur = new StringBuilder();
        private int i;
        private int line = 1;
        private int startLine = -1;

        Splitter(String script) {
            this.script = script;
            this.n = script.length();
        }

        List<SqlStatement> split() {
            for (; i < n; i++) {
                char c = script.charAt(i);
                char next = i + 1 < n ? script.charAt(i + 1) : '\0';
                if (c == '\n') {
                    line++;
                }
                if (isLineComment(c, next)) {
                    skipLineComment();
                } else if (c == '/' && next == '*') {
                    skipBlockComment();
                } else if (c == '\'' || c == '"' || c == '`') {
                    copyQuoted(c);
                } else if (c == ';') {
                    endStatement();
                } else {
                    if (startLine < 0 && !Character.isWhitespace(c)) {
                        startLine = line;
                    }
                    cur.append(c);
                }
            }
            String rest = cur.toString().strip();
            if (!rest.isEmpty()) {
                out.add(new SqlStatement(startLine, rest));
            }
            return out;
        }

        /** "-- " (MySQL needs whitespace after --) or "#". */
        private boolean isLineComment(char c, char next) {
            return (c == '-' && next == '-' && (i + 2 >= n || Character.isWhitespace(script.charAt(i + 2)))) || c == '#';
        }

        private void skipLineComment() {
            while (i < n && script.charAt(i) != '\n') {
                i++;
            }
            if (i < n) {
                line++;
                cur.append('\n');
            }
        }

        private void skipBlockComment() {
            int close = script.indexOf("*/", i + 2);
            int stop = close < 0 ? n : close + 2;
            for (int k = i; k < stop; k++) {
                if (script.charAt(k) == '\n') {
                    line++;
                }
            }
            i = stop - 1;
            cur.append(' ');
        }

        /** A quoted string or name, copied as it is: backslash escapes (not in backticks) and doubled quotes. */
        private void copyQuoted(char quote) {
            if (startLine < 0) {
                startLine = line;
            }
            cur.append(quote);
            int k = i + 1;
            while (k < n) {
                char q = script.charAt(k);
                cur.append(q);
                if (q == '\n') {
                    line++;
                }
                if (q == '\\' && quote != '`' && k + 1 < n) {
                    cur.append(script.charAt(k + 1));
                    k += 2;
                    continue;
                }
                if (q == quote) {
                    if (k + 1 < n && script.charAt(k + 1) == quote) {
                        cur.append(quote);
                        k += 2;
                        continue;
                    }
                    break;
                }
                k++;
            }
            i = k;
        }

        private void endStatement() {
            String sql = cur.toString().strip();
            if (!sql.isEmpty()) {
                out.add(new SqlStatement(startLine, sql));
            }
            cur.setLength(0);
            startLine = -1;
        }
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
