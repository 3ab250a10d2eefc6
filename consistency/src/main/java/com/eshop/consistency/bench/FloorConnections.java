package com.eshop.consistency.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/** JDBC connections to the services' databases, with the floor's credentials. */
final class FloorConnections {
    private final Function<String, String> jdbcUrl;
    private final String user;
    private final String password;

    FloorConnections(Function<String, String> jdbcUrl, String user, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** A caller's connection: plain credentials, as the services connect. */
    Connection connect(FloorDatabase db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl.apply(db.schema), credentials());
    }

    Connection connectForSeeding(FloorDatabase db) throws SQLException {
        Properties properties = credentials();
        // multi-row INSERTs: seeding is not measured, only kept short
        properties.setProperty("rewriteBatchedStatements", "true");
        return DriverManager.getConnection(jdbcUrl.apply(db.schema), properties);
    }

    Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }
}
