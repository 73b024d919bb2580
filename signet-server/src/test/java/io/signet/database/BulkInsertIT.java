package io.signet.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.signet.testing.PersistenceTest;

/** Bulk inserts (COPY on PostgreSQL, batches on H2) store exactly what INSERT would, under the same constraints. */
@PersistenceTest
class BulkInsertIT {

    private static final List<String> COLUMNS = List.of("id", "name", "note", "active", "amount", "happened_at");

    @Autowired
    BulkInsert bulk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void createTable() {
        jdbc.execute("""
                CREATE TABLE bulk_insert_probe (id UUID PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE,
                  note VARCHAR(200), active BOOLEAN NOT NULL, amount INTEGER, happened_at TIMESTAMP WITH TIME ZONE)""");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE bulk_insert_probe");
    }

    @Test
    void everyValueArrivesAsGivenWithNullsAndEmptyStringsKeptApart() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:15:30.123456Z");
        String awkward = "Quote \" comma , line\nbreak \\N back\\slash, Zoë 日本";

        bulk.insert("bulk_insert_probe", COLUMNS, List.of(
                new Object[] {first, awkward, null, true, 7, Timestamp.from(at)},
                new Object[] {second, "empty note", "", false, null, at}));

        Map<String, Object> one = jdbc.queryForMap("SELECT * FROM bulk_insert_probe WHERE id = ?", first);
        assertThat(one.get("name")).isEqualTo(awkward);
        assertThat(one.get("note")).isNull();
        assertThat(one.get("active")).isEqualTo(true);
        assertThat(one.get("amount")).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT happened_at FROM bulk_insert_probe WHERE id = ?", Timestamp.class, first)
                .toInstant()).isEqualTo(at);
        Map<String, Object> two = jdbc.queryForMap("SELECT * FROM bulk_insert_probe WHERE id = ?", second);
        assertThat(two.get("note")).isEqualTo("");
        assertThat(two.get("active")).isEqualTo(false);
        assertThat(two.get("amount")).isNull();
    }

    @Test
    void aDuplicateKeyIsReportedAsSuchAndTheTransactionKeepsNoneOfTheRows() {
        List<Object[]> rows = List.of(new Object[] {UUID.randomUUID(), "same", null, true, 1, null},
                new Object[] {UUID.randomUUID(), "other", null, true, 2, null},
                new Object[] {UUID.randomUUID(), "same", null, true, 3, null});

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> bulk.insert("bulk_insert_probe", COLUMNS, rows)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bulk_insert_probe", Long.class)).isZero();
    }

    @Test
    void aValueTooLongForItsColumnIsRefusedAsAnInsertWouldBe() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {UUID.randomUUID(), "x".repeat(101), null, true, 1, null});

        assertThatThrownBy(() -> bulk.insert("bulk_insert_probe", COLUMNS, rows))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefusedBeforeReachingTheDatabase() {
        assertThatThrownBy(() -> bulk.insert("bulk_insert_probe; DROP TABLE employee", COLUMNS, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bulk.insert("bulk_insert_probe", List.of("id)"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
