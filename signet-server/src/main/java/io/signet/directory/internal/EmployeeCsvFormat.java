package io.signet.directory.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;

import io.signet.directory.EmployeeFields;
import io.signet.web.ApiProblem;

/**
 * The employee CSV file, read and written; pure (text in, values out). A header row names the columns by their API
 * names; the delimiter is a comma or, when the header holds more of them, a semicolon (Excel writes those in many
 * locales). Cells that a spreadsheet would run as a formula are written with a leading {@code '}, which reading strips
 * again, so that any value survives an export and a re-import unchanged.
 */
public final class EmployeeCsvFormat {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 10_000;
    public static final String EMAIL = "email";
    public static final String DEPARTMENT = "department";
    public static final String STATUS = "status";
    /** The columns an import reads, in the order an export writes them; custom fields ({@code custom.x}) follow. */
    public static final List<String> COLUMNS = List.of(EMAIL, "firstName", "lastName", "displayName", "jobTitle",
            DEPARTMENT, "company", "businessPhone", "mobilePhone", "fax", "street", "postalCode", "city", "state",
            "country", "officeLocation", "website", "managerName", STATUS);
    /** Columns an export adds for information; an import ignores them (Signet decides them, not the file). */
    public static final List<String> READ_ONLY = List.of("source", "syncPaused");

    private static final char BOM = '\uFEFF';
    /** What a spreadsheet starts a formula with, behind any quotes that escaped it already. */
    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\t\r]");

    private EmployeeCsvFormat() {
    }

    /** A data row: the line it starts on, its cells by column (read-only columns left out), or why it is unreadable. */
    public record Row(int line, Map<String, String> cells, String problem) {
    }

    /** A read file: its columns (as named in the header) and its rows, blank rows left out. */
    public record Sheet(List<String> columns, List<Row> rows) {
    }

    /** Reads a file: UTF-8 with or without a byte order mark. File-level mistakes are a 400 problem. */
    public static Sheet read(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw fileProblem("The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it into smaller files.");
        }
        try {
            return read(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString());
        } catch (CharacterCodingException e) {
            throw fileProblem("The file is not UTF-8 text; save it as \"CSV UTF-8\".");
        }
    }

    /** Reads the text of a file. */
    public static Sheet read(String text) {
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw fileProblem("The file is empty; its first line must name the columns, such as email,firstName,lastName.");
        }
        Lines lines = new Lines(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiterOf(text)).setIgnoreEmptyLines(true).get();
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                } else if (!blank(record)) {
                    if (rows.size() == MAX_ROWS) {
                        throw fileProblem("The file has more than " + MAX_ROWS + " rows; split it into smaller files.");
                    }
                    rows.add(row(columns, record, lines.lineOf(record.getCharacterPosition())));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw fileProblem("The file is not valid CSV: " + e.getMessage());
        }
        return new Sheet(columns, rows);
    }

    /** A comma, unless the header line holds more semicolons than commas. */
    static char delimiterOf(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String header = text.substring(0, end);
        return count(header, ';') > count(header, ',') ? ';' : ',';
    }

    /** A value as an export writes it: a leading {@code '} when a spreadsheet would take it for a formula. */
    public static String escape(String value) {
        return value != null && FORMULA.matcher(value).find() ? "'" + value : value;
    }

    /** A value as read: the one leading {@code '} an export added is removed. */
    public static String unescape(String value) {
        return value.startsWith("'") && FORMULA.matcher(value.substring(1)).find() ? value.substring(1) : value;
    }

    /** Starts a file: a byte order mark (so that Excel reads UTF-8) and the header row. */
    public static CSVPrinter printer(Appendable out, List<String> columns, char delimiter) {
        try {
            out.append(BOM);
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get());
            printer.printRecord(columns);
            return printer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a data row, escaping formulas; a null value is an empty cell. */
    public static void print(CSVPrinter printer, List<String> values) {
        try {
            printer.printRecord(values.stream().map(v -> v == null ? "" : escape(v)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String cell : record) {
            String column = cell.strip();
            if (column.isEmpty()) {
                throw fileProblem("Column " + (columns.size() + 1) + " of the header has no name.");
            }
            if (!seen.add(column)) {
                throw fileProblem("The header names the column " + column + " twice.");
            }
            if (!COLUMNS.contains(column) && !READ_ONLY.contains(column) && !isCustom(column)) {
                unknown.add(column);
            }
            columns.add(column);
        }
        if (!unknown.isEmpty()) {
            throw fileProblem("Unknown column(s) " + String.join(", ", unknown) + ". The columns are "
                    + String.join(", ", COLUMNS) + ", custom fields as custom.<name>, and (ignored) "
                    + String.join(", ", READ_ONLY) + ".");
        }
        if (!seen.contains(EMAIL)) {
            throw fileProblem("The header has no email column; the email says which employee a row is.");
        }
        return List.copyOf(columns);
    }

    private static Row row(List<String> columns, CSVRecord record, int line) {
        if (record.size() != columns.size()) {
            return new Row(line, Map.of(), "the row has " + record.size() + " cells where the header names "
                    + columns.size() + " columns");
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!READ_ONLY.contains(columns.get(i))) {
                cells.put(columns.get(i), unescape(record.get(i)));
            }
        }
        return new Row(line, cells, null);
    }

    private static boolean isCustom(String column) {
        return column.startsWith(EmployeeFields.CUSTOM_PREFIX)
                && column.substring(EmployeeFields.CUSTOM_PREFIX.length()).matches(EmployeeFields.CUSTOM_NAME);
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static ApiProblem fileProblem(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV file", detail, List.of());
    }

    /** Where each line of the text starts, so that a record's character position names its line (1 = header). */
    private static final class Lines {

        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> found = new ArrayList<>(List.of(0));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    found.add(i + 1);
                }
            }
            starts = found.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The line of the record at {@code position}, past the empty lines the parser skipped before it. */
        int lineOf(long position) {
            int at = (int) position;
            while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
                at++;
            }
            int index = Arrays.binarySearch(starts, at);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }
}
