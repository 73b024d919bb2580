package io.signet;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.signet.testing.PersistenceTest;

/** Guards the claim in the build output: the persistence tests really ran on the database they name. */
@PersistenceTest
class DatabaseInUseIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTestsRunOnTheDatabaseTheBuildAskedFor() throws SQLException {
        String expected = System.getProperty("signet.test.database", "h2");
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            assertThat(product).isEqualTo(expected.equals("postgresql") ? "PostgreSQL" : "H2");
        }
    }

    @Test
    void everyMigrationRanAndEveryOrganisationTableCarriesOrgId() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = false")
                .query(Long.class).single()).isZero();
        for (String table : new String[] {"admin_account", "api_token", "department", "employee",
                "employee_custom_field"}) {
            assertThat(jdbc.sql("SELECT COUNT(org_id) FROM " + table).query(Long.class).single()).isNotNegative();
        }
    }
}
