package io.signet.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import io.signet.testing.PersistenceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Statistics refreshes and driver settings, on whichever database the build runs against. */
@PersistenceTest
class TableStatisticsIT {

    @Autowired
    TableStatistics statistics;

    @Autowired
    DataSource dataSource;

    @Test
    void theStatisticsOfTheSyncsTablesCanBeRefreshedOnThisDatabase() {
        assertThatCode(() -> {
            statistics.refresh("employee");
            statistics.refresh("m365_mirror_user");
        }).doesNotThrowAnyException();
    }

    @Test
    void aNameThatIsNotATableNameIsRefusedBeforeReachingTheDatabase() {
        assertThatThrownBy(() -> statistics.refresh("employee; DROP TABLE employee"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onPostgresqlBatchesOfInsertsAreRewrittenAsMultiRowInserts() {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        boolean postgres = hikari.getJdbcUrl().startsWith("jdbc:postgresql:");
        assertThat(hikari.getDataSourceProperties().getProperty("reWriteBatchedInserts"))
                .isEqualTo(postgres ? "true" : null);
    }
}
