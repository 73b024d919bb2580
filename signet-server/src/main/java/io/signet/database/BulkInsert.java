package io.signet.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Inserts many rows into one table within the caller's transaction: PostgreSQL's {@code COPY} there (the sync's
 * first import of a large tenant writes a hundred thousand mirror rows, employees and change records, and
 * {@code COPY} costs PostgreSQL a fraction of the server time of multi-row inserts), JDBC batches of
 * {@code INSERT} elsewhere (H2). The same constraints apply either way; a unique violation surfaces as Spring's
 * {@code DuplicateKeyException} on both.
 */
@Component
public class BulkInsert {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    BulkInsert(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * Inserts the rows; each holds one value per column, in order: strings, numbers, booleans, UUIDs,
     * {@link Timestamp}s or {@link Instant}s, or null.
     */
    public void insert(String table, List<String> columns, List<Object[]> rows) {
        if (!NAME.matcher(table).matches() || !columns.stream().allMatch(c -> NAME.matcher(c).matches())) {
            throw new IllegalArgumentException("Not a table and column names: " + table + " " + columns);
        }
        if (rows.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        if (!postgres) {
            jdbc.batchUpdate("INSERT INTO " + table + " (" + names + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")", rows);
            return;
        }
        String csv = csv(rows, columns.size());
        // Through JdbcTemplate: the connection is the transaction's, and SQL errors are translated as for INSERT.
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " (" + names + ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** CSV as COPY reads it: an unquoted empty field is NULL, a quoted one an empty string. */
    static String csv(List<Object[]> rows, int width) {
        StringBuilder out = new StringBuilder(rows.size() * 256);
        // A column often holds one object row after row (the organisation, the run, the time): written out once.
        Object[] previous = new Object[width];
        String[] previousForm = new String[width];
        for (Object[] row : rows) {
            if (row.length != width) {
                throw new IllegalArgumentException("A row has " + row.length + " values for " + width + " columns");
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (row[i] instanceof CharSequence text) {
                    // String.replace copies whole runs; a copy char by char cost more than the rest of a mirror row.
                    out.append('"').append(text.toString().replace("\"", "\"\"")).append('"');
                    continue;
                }
                if (row[i] != previous[i] || previousForm[i] == null) {
                    previous[i] = row[i];
                    previousForm[i] = unquoted(row[i]);
                }
                out.append(previousForm[i]);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String unquoted(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Timestamp timestamp) {
            value = timestamp.toInstant();
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID
                || value instanceof Instant) {
            return value.toString();
        }
        throw new IllegalArgumentException("No COPY form for a " + value.getClass().getName());
    }
}
