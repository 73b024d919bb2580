package io.signet.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.signet.directory.Employee;
import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeSource;
import io.signet.directory.EmployeeStatus;
import io.signet.signature.SignatureAsset;

/**
 * Each starter template rendered for employees with every field, with no optional field, with unicode
 * and right-to-left names, and with hostile values, compared with the files in
 * src/test/resources/signature/golden. Run with -Dsignet.golden.update=true to rewrite them after a
 * deliberate change, and review the diff.
 */
class StarterTemplatesGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/signature/golden");
    static final String BASE_URL = "https://signet.example.com";
    static final UUID ORG = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    static SignatureAsset asset(String token, int width, int height) {
        return new SignatureAsset(UUID.randomUUID(), ORG, token, "image/png", width, height, Instant.EPOCH);
    }

    static final SignatureContext.Company COMPANY = new SignatureContext.Company("Contoso Ltd", "https://contoso.example",
            asset("0123456789abcdef0123456789abcdef", 600, 200), asset("fedcba9876543210fedcba9876543210", 1200, 300),
            "https://contoso.example/events");

    static Employee employee(String email, String first, String last, String display, String title, String department,
            String business, String mobile, String street, String city, String country, String office, String website,
            Map<String, String> custom) {
        EmployeeData data = new EmployeeData(email, first, last, display, title, null, "Contoso", business, mobile,
                null, street, street == null ? null : "10117", city, null, country, office, website, null, null, custom);
        return new Employee(UUID.randomUUID(), ORG, data, department, EmployeeSource.MANUAL, null, EmployeeStatus.ACTIVE,
                false, Instant.EPOCH, Instant.EPOCH);
    }

    static Map<String, Employee> employees() {
        return Map.of(
                "every-field", employee("jane.doe@contoso.example", "Jane", "Doe", "Jane Doe", "Head of Sales", "Sales",
                        "+49 30 1234-5 x 12", "+49 170 1234567", "Unter den Linden 1", "Berlin", "Germany", "HQ",
                        "https://jane.example", Map.of("costCenter", "4711")),
                "no-optional-fields", employee("max@contoso.example", null, null, null, null, null, null, null, null,
                        null, null, null, null, Map.of()),
                "unicode-and-rtl", employee("zoe@contoso.example", "Zoë", "Łukasiewicz-山田", "Zoë Łukasiewicz-山田",
                        "مديرة المبيعات", "מכירות", null, "+972 50 123 4567", "Rue de l'Église 5", "Montréal",
                        "Canada", "בית", null, Map.of()),
                "hostile-values", employee("\"evil\"@contoso.example", "<script>alert(1)</script>", "O'Brien",
                        "<b onmouseover=alert(1)>Boss</b>", "\"><img src=x onerror=alert(1)>", "R&D <i>",
                        "+1 (555) 010-9999", "javascript:alert(1)", "<svg onload=alert(1)>", "'; DROP TABLE x; --",
                        "\uE000<b>marker</b>", "{{company.name}}", "javascript:alert(document.cookie)", Map.of()));
    }

    static Stream<Arguments> cases() {
        return Stream.of("classic", "compact", "photo-banner")
                .flatMap(starter -> employees().keySet().stream().sorted().map(name -> Arguments.of(starter, name)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("cases")
    void eachStarterTemplateRendersAsTheGoldenFileSays(String starter, String employeeName) throws IOException {
        Employee employee = employees().get(employeeName);
        SignatureAsset photo = employeeName.equals("every-field") ? asset("aaaabbbbccccddddeeeeffff00001111", 400, 400) : null;
        String html = HtmlSanitizer.sanitize(resource(starter + ".html")).html();
        String renderedHtml = SignatureTemplateEngine.HTML.compile(html)
                .execute(SignatureContext.html(employee, COMPANY, photo, BASE_URL)).strip();
        String renderedText = SignatureTemplateEngine.TEXT.compile(resource(starter + ".txt"))
                .execute(SignatureContext.text(employee, COMPANY, photo, BASE_URL)).strip();

        compare(starter + "--" + employeeName + ".html", renderedHtml);
        compare(starter + "--" + employeeName + ".txt", renderedText);
        if (employeeName.equals("hostile-values")) {
            assertThat(renderedHtml).doesNotContain("<script", "<b onmouseover", "<img src=x", "<svg", "href=\"javascript:", "src=\"javascript:",
                    "<b>marker", "\uE000").contains("&lt;b onmouseover&#x3D;alert(1)&gt;Boss&lt;/b&gt;");
        }
        assertThat(renderedHtml).doesNotContain("<style", "class=");
    }

    static String resource(String file) throws IOException {
        return Files.readString(Path.of("src/main/resources/signature/starters", file));
    }

    private static void compare(String file, String actual) throws IOException {
        Path golden = GOLDEN.resolve(file);
        if (Boolean.getBoolean("signet.golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual + "\n", StandardCharsets.UTF_8);
        }
        assertThat(actual + "\n").as(file).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
