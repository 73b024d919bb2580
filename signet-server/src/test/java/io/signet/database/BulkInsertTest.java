package io.signet.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class BulkInsertTest {

    @Test
    void aNullIsAnEmptyUnquotedFieldAndAnEmptyStringAQuotedOne() {
        String csv = BulkInsert.csv(List.<Object[]>of(new Object[] {null, "", "a"}), 3);

        assertThat(csv).isEqualTo(",\"\",\"a\"\n");
    }

    @Test
    void quotesInsideTextAreDoubledAndLineBreaksStayInsideTheQuotes() {
        String csv = BulkInsert.csv(List.<Object[]>of(new Object[] {"say \"hi\"\nthen, go"}), 1);

        assertThat(csv).isEqualTo("\"say \"\"hi\"\"\nthen, go\"\n");
    }

    @Test
    void numbersBooleansIdsAndInstantsAreWrittenInTheFormPostgresqlReads() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");

        String csv = BulkInsert.csv(List.<Object[]>of(new Object[] {1, true, id,
                java.sql.Timestamp.from(Instant.parse("2026-12-01T10:15:30.5Z"))}), 4);

        assertThat(csv).isEqualTo("1,true,00000000-0000-0000-0000-000000000001,2026-12-01T10:15:30.500Z\n");
    }

    @Test
    void aValueThatFillsAColumnRowAfterRowIsWrittenOnEveryRow() {
        UUID org = UUID.fromString("00000000-0000-0000-0000-000000000001");
        java.sql.Timestamp at = java.sql.Timestamp.from(Instant.parse("2026-12-01T10:15:30Z"));

        String csv = BulkInsert.csv(List.<Object[]>of(new Object[] {org, at, null, "a"}, new Object[] {org, at, 2, "a"},
                new Object[] {null, at, null, "\"b\" \"c\""}), 4);

        assertThat(csv).isEqualTo("00000000-0000-0000-0000-000000000001,2026-12-01T10:15:30Z,,\"a\"\n"
                + "00000000-0000-0000-0000-000000000001,2026-12-01T10:15:30Z,2,\"a\"\n"
                + ",2026-12-01T10:15:30Z,,\"\"\"b\"\" \"\"c\"\"\"\n");
    }

    @Test
    void aRowOfTheWrongWidthOrAValueOfAnUnknownTypeIsRefused() {
        assertThatThrownBy(() -> BulkInsert.csv(List.<Object[]>of(new Object[] {1}), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BulkInsert.csv(List.<Object[]>of(new Object[] {new Object()}), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
