package io.signet.database;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Refreshes a table's planner statistics. After a bulk load (the first sync of a large tenant) the
 * statistics still describe the empty table, and PostgreSQL then plans key-range reads as full scans and
 * sorts until autovacuum catches up: every page of the same run would pay for it.
 */
@Component
public class TableStatistics {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableStatistics(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    public void refresh(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        jdbc.execute(postgres ? "ANALYZE " + table : "ANALYZE TABLE " + table);
    }
}
