package io.signet.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signet.directory.internal.EmployeeCsvFormat.Sheet;
import io.signet.web.ApiProblem;

class EmployeeCsvFormatTest {

    @Test
    void aSemicolonHeaderWithABomAndCrlfIsReadAsExcelWritesIt() {
        byte[] file = ("\uFEFFemail;firstName;city\r\njane@example.com;Jörg;\"München; Bayern\"\r\n")
                .getBytes(StandardCharsets.UTF_8);

        Sheet sheet = EmployeeCsvFormat.read(file);

        assertThat(sheet.columns()).containsExactly("email", "firstName", "city");
        assertThat(sheet.rows()).hasSize(1);
        assertThat(sheet.rows().get(0).cells()).containsEntry("firstName", "Jörg").containsEntry("city", "München; Bayern");
        assertThat(sheet.rows().get(0).line()).isEqualTo(2);
    }

    @Test
    void aCommaHeaderWinsWhenItHoldsMoreCommasThanSemicolons() {
        assertThat(EmployeeCsvFormat.delimiterOf("email,firstName,custom.a;b\nx")).isEqualTo(',');
        assertThat(EmployeeCsvFormat.delimiterOf("email;firstName;lastName\nx,y,z,w")).isEqualTo(';');
    }

    @Test
    void aRowIsNamedByTheLineItStartsOnEvenAfterACellWithLineBreaksAndBlankLines() {
        String text = "email,street\n\na@example.com,\"Line 1\nLine 2\r\nLine 3\"\n\nb@example.com,Main St\n";

        Sheet sheet = EmployeeCsvFormat.read(text);

        assertThat(sheet.rows()).extracting(EmployeeCsvFormat.Row::line).containsExactly(3, 7);
        assertThat(sheet.rows().get(0).cells().get("street")).isEqualTo("Line 1\nLine 2\r\nLine 3");
    }

    @Test
    void rowsOfOnlyEmptyCellsAreLeftOutAndARowWithTooManyCellsIsAProblemOfItsOwn() {
        Sheet sheet = EmployeeCsvFormat.read("email;city\n;\nx@example.com;Berlin;extra\n");

        assertThat(sheet.rows()).hasSize(1);
        assertThat(sheet.rows().get(0).line()).isEqualTo(3);
        assertThat(sheet.rows().get(0).problem()).isEqualTo("the row has 3 cells where the header names 2 columns");
    }

    @Test
    void fileLevelMistakesAreBadRequestsThatNameTheMistake() {
        assertThat(problem("")).contains("empty");
        assertThat(problem("email,shoeSize\n")).contains("Unknown column(s) shoeSize");
        assertThat(problem("firstName\nJane\n")).contains("no email column");
        assertThat(problem("email,email\n")).contains("twice");
        assertThat(problem("email\n\"unterminated\n")).contains("not valid CSV");
        assertThatThrownBy(() -> EmployeeCsvFormat.read(new byte[] {'e', 'm', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("not UTF-8"));
        assertThatThrownBy(() -> EmployeeCsvFormat.read(new byte[EmployeeCsvFormat.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).contains("larger than 5 MB"));
    }

    @Test
    void moreRowsThanTheLimitAreRefusedAsAWhole() {
        String text = "email\n" + "x@example.com\n".repeat(EmployeeCsvFormat.MAX_ROWS + 1);

        assertThat(problem(text)).contains("more than 10000 rows");
    }

    @Test
    void readOnlyColumnsAreReadButIgnoredAndCustomFieldsAreColumns() {
        Sheet sheet = EmployeeCsvFormat.read("email,source,syncPaused,custom.costCenter\nx@example.com,manual,true,4711\n");

        assertThat(sheet.rows().get(0).cells()).isEqualTo(Map.of("email", "x@example.com", "custom.costCenter", "4711"));
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreQuotedOnExportAndUnquotedOnImport() {
        assertThat(EmployeeCsvFormat.escape("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(EmployeeCsvFormat.escape("+49 (0) 89 1234-5")).isEqualTo("'+49 (0) 89 1234-5");
        assertThat(EmployeeCsvFormat.escape("-5")).isEqualTo("'-5");
        assertThat(EmployeeCsvFormat.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(EmployeeCsvFormat.escape("\tx")).isEqualTo("'\tx");
        assertThat(EmployeeCsvFormat.escape("O'Brien")).isEqualTo("O'Brien");
        assertThat(EmployeeCsvFormat.unescape("'+49 89")).isEqualTo("+49 89");
        assertThat(EmployeeCsvFormat.unescape("'tis")).isEqualTo("'tis");
    }

    @Test
    void anExportedFileStartsWithABomAndReadsBackTheSameValues() {
        StringBuilder out = new StringBuilder();
        var printer = EmployeeCsvFormat.printer(out, List.of("email", "city"), ',');
        EmployeeCsvFormat.print(printer, List.of("x@example.com", "=1+1"));

        assertThat(out.toString()).startsWith("\uFEFFemail,city\r\n").contains("'=1+1");
        assertThat(EmployeeCsvFormat.read(out.toString()).rows().get(0).cells().get("city")).isEqualTo("=1+1");
    }

    private static String problem(String text) {
        try {
            EmployeeCsvFormat.read(text);
        } catch (ApiProblem p) {
            assertThat(p.status().value()).isEqualTo(400);
            return p.getMessage();
        }
        throw new AssertionError("no problem for " + text);
    }
}
