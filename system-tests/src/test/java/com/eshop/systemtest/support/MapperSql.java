package com.eshop.systemtest.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of a MyBatis mapper method as the service runs it, read from the mapper's {@code @Select} annotation in
 * its source (not a hand-made copy), with the {@code #{name}} parameters bound to SQL literals: for EXPLAIN.
 */
public final class MapperSql {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private MapperSql() {
    }

    public static String of(Path mapperSource, String method, Map<String, String> literals) {
        String source;
        try {
            source = Files.readString(mapperSource);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int methodAt = source.indexOf(" " + method + "(");
        int selectAt = source.lastIndexOf("@Select(", methodAt);
        if (methodAt < 0 || selectAt < 0) {
            throw new IllegalArgumentException("no @Select of " + method + " in " + mapperSource);
        }
        String annotation = source.substring(selectAt, source.indexOf(")\n", selectAt));
        StringBuilder sql = new StringBuilder();
        Matcher m = LITERAL.matcher(annotation);
        while (m.find()) {
            sql.append(m.group(1));
        }
        String bound = sql.toString();
        for (Map.Entry<String, String> e : literals.entrySet()) {
            bound = bound.replace("#{" + e.getKey() + "}", e.getValue());
        }
        if (bound.contains("#{")) {
            throw new IllegalArgumentException("unbound parameter in " + bound);
        }
        return bound;
    }
}
