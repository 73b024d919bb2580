package io.signet.scaleout;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A PostgreSQL database of its own on the server the persistence tests use ({@code SIGNET_TEST_POSTGRES_URL}),
 * created empty for a test of several Signet processes, so that they never share tables with other tests. Without
 * PostgreSQL the test is skipped, or fails when {@code SIGNET_REQUIRE_POSTGRES=1} (CI).
 */
final class SharedDatabase {

    private final String url;
    private final SingleConnectionDataSource dataSource;

    private SharedDatabase(String url) {
        this.url = url;
        this.dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
    }

    static SharedDatabase create(String name) {
        String server = System.getenv("SIGNET_TEST_POSTGRES_URL");
        if (server == null || server.isBlank()) {
            if ("1".equals(System.getenv("SIGNET_REQUIRE_POSTGRES"))) {
                throw new AssertionError("PostgreSQL is required (SIGNET_REQUIRE_POSTGRES=1) but SIGNET_TEST_POSTGRES_URL is not set");
            }
            Assumptions.abort("several Signet instances need PostgreSQL: set SIGNET_TEST_POSTGRES_URL");
        }
        URI admin = URI.create(server.substring("jdbc:".length()));
        String url = "jdbc:postgresql://" + admin.getHost() + ":" + (admin.getPort() < 0 ? 5432 : admin.getPort()) + "/" + name;
        try (Connection c = DriverManager.getConnection(server, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name, e);
        }
        return new SharedDatabase(url);
    }

    String url() {
        return url;
    }

    JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    void close() {
        dataSource.destroy();
    }
}
