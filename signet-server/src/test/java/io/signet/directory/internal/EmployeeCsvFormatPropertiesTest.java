package io.signet.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever an employee's values hold, an export reads back as the same values. */
class EmployeeCsvFormatPropertiesTest {

    static final List<String> COLUMNS = List.of("email", "firstName", "street", "custom.note");

    @Property(tries = 500)
    void exportingAndReadingBackGivesTheSameValuesWithEitherDelimiter(@ForAll("rows") List<List<String>> rows,
            @ForAll boolean semicolon) {
        StringBuilder out = new StringBuilder();
        var printer = EmployeeCsvFormat.printer(out, COLUMNS, semicolon ? ';' : ',');
        rows.forEach(row -> EmployeeCsvFormat.print(printer, row));

        EmployeeCsvFormat.Sheet sheet = EmployeeCsvFormat.read(out.toString());

        List<List<String>> read = new ArrayList<>();
        sheet.rows().forEach(r -> read.add(COLUMNS.stream().map(c -> r.cells().get(c)).toList()));
        assertThat(read).isEqualTo(rows);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        // The email is never blank (rows of blank cells are left out); the other cells lean towards what breaks CSV:
        // delimiters, quotes, line breaks, formula starts behind quotes, spaces at the ends, umlauts and emoji.
        Arbitrary<String> tricky = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.strings().withChars(",;\"'\r\n\t =+-@ äöüß😀x").ofMaxLength(12),
                Arbitraries.of("", " ", "'=1+1", "''+49", "=SUM(A1)", "+49 (0) 89 1234-5", "a\r\nb", "\"quoted\""));
        Arbitrary<String> email = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> s + "@example.com");
        return email.list().ofMinSize(1).ofMaxSize(1).flatMap(e -> tricky.list().ofSize(3)
                .map(rest -> {
                    List<String> row = new ArrayList<>(e);
                    row.addAll(rest);
                    return row;
                })).list().ofMaxSize(8);
    }
}
