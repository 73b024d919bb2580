package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.signet.m365sim.Fault;
import io.signet.m365sim.SimUser;
import io.signet.testing.Browser;
import io.signet.testing.FreePort;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.TestDatabaseConfiguration;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * An office administrator's whole journey through the console in headless Chromium, against a simulated
 * Microsoft 365 tenant the test controls: sign in, connect and consent, basic settings, an import rule with
 * its live preview, a dry run, "Sync now" with the progress bar moving, the history, finding and pausing an
 * employee, editing a template with its preview, and disconnecting while keeping the employees. Every page is
 * saved to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, TestOrganizations.class})
class ConsoleJourneyBrowserIT {

    static final SimulatedTenant TENANT = SimulatedTenant.start();
    // Microsoft sends the browser back to signet.public-base-url, so the port must be known up front.
    static final int PORT = FreePort.pick();
    static final String BASE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void pointSignetAtTheTenant(DynamicPropertyRegistry registry) {
        TENANT.configure(registry);
        registry.add("server.port", () -> PORT);
        registry.add("signet.public-base-url", () -> BASE);
    }

    @Autowired
    TestOrganizations organizations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAdministratorSetsUpMicrosoft365SyncsManagesEmployeesAndSignaturesAndDisconnectsInTheBrowser() {
        // The test database is shared by every test class, and a tenant feeds one organisation at a time: an
        // earlier test's organisation (the demo tenant has the same id) must let go of it first.
        jdbc.sql("DELETE FROM m365_connection WHERE tenant_id = :t").param("t", TENANT.tenantId()).update();
        TestOrg org = organizations.create(PORT);
        try (Browser browser = Browser.start(1280, 900)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));

            // Sign in
            page.get(BASE + "/login");
            browser.screenshot("01-sign-in");
            page.findElement(By.id("username")).sendKeys(org.ownerEmail());
            page.findElement(By.id("password")).sendKeys(TestOrganizations.PASSWORD + Keys.ENTER);
            wait.until(ExpectedConditions.urlToBe(BASE + "/"));
            assertThat(page.findElement(By.id("seats")).getText()).isEqualTo("0 of 1000 seats");
            browser.screenshot("02-overview");

            // Step 1: the permissions, the consent redirect, the result
            page.findElement(By.id("resume-setup")).click();
            wait.until(ExpectedConditions.urlToBe(BASE + "/microsoft365"));
            assertThat(page.findElement(By.id("permissions")).getText()).contains("User.Read.All", "Group.Read.All");
            browser.screenshot("03-setup-step-1-connect");
            page.findElement(By.id("connect")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")));
            browser.screenshot("04-microsoft-consent");
            page.findElement(By.id("username")).sendKeys(TENANT.adminUsername());
            page.findElement(By.id("password")).sendKeys(TENANT.adminPassword());
            page.findElement(By.id("accept")).click();
            wait.until(ExpectedConditions.urlToBe(BASE + "/microsoft365"));
            assertThat(page.findElement(By.id("connection-status")).getText()).isEqualTo("Connected");
            browser.screenshot("05-setup-step-1-connected");

            // Step 2: basic settings, with the time zone of the nightly run
            page.findElement(By.id("to-settings")).click();
            wait.until(ExpectedConditions.urlToBe(BASE + "/microsoft365/settings"));
            new Select(page.findElement(By.id("timeZone"))).selectByValue("Europe/Berlin");
            new Select(page.findElement(By.id("removedUsers"))).selectByValue("DELETE");
            browser.screenshot("06-setup-step-2-settings");
            page.findElement(By.id("save-and-continue")).click();
            wait.until(ExpectedConditions.urlToBe(BASE + "/microsoft365/rules"));
            assertThat(page.findElement(By.id("preview-empty")).getText()).contains("dry run");

            // A first dry run reads the tenant, so that the rules can be previewed from the mirror
            page.findElement(By.id("save-rules-and-continue")).click();
            wait.until(ExpectedConditions.urlToBe(BASE + "/sync"));
            page.findElement(By.id("dry-run")).click();
            waitForRunEnd(page);
            assertThat(page.findElement(By.id("run-status")).getText()).isEqualTo("succeeded");
            assertThat(page.findElement(By.id("run-summary")).getText()).contains("nothing was changed");
            assertThat(page.findElement(By.id("run-timings")).getText()).startsWith("Time per phase: fetch ")
                    .contains("plan ");
            page.findElement(By.id("show-changes")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("change-list")));
            browser.screenshot("07-dry-run");
            assertThat(page.findElement(By.id("seats")).getText()).isEqualTo("0 of 1000 seats");

            // Step 3, resumed: a rule that excludes a department, with the live preview
            page.get(BASE + "/microsoft365/setup");
            wait.until(ExpectedConditions.urlToBe(BASE + "/sync"));
            page.get(BASE + "/microsoft365/rules");
            String department = TENANT.scenario().users().stream().map(u -> u.text("department"))
                    .filter(d -> d != null && !d.isBlank()).findFirst().orElseThrow();
            long inDepartment = TENANT.scenario().users().stream()
                    .filter(u -> department.equalsIgnoreCase(u.text("department"))).count();
            assertThat(page.findElement(By.id("preview-total")).getText()).doesNotStartWith("0 of 0");
            page.findElement(By.id("add-rule")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-0")));
            page.findElement(By.id("rule-0-name")).sendKeys("Not " + department);
            new Select(page.findElement(By.id("rule-0-effect"))).selectByValue("exclude");
            new Select(page.findElement(By.id("rule-0-type"))).selectByValue("attribute");
            new Select(page.findElement(By.id("rule-0-attribute"))).selectByValue("department");
            page.findElement(By.id("rule-0-value")).sendKeys(department);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-rule-0"),
                    inDepartment + " user(s) excluded"));
            assertThat(page.findElement(By.id("preview-rule-0")).getText()).contains("Not " + department);
            browser.screenshot("08-setup-step-3-rules-preview");
            page.findElement(By.id("save-rules-and-continue")).click();
            wait.until(ExpectedConditions.urlToBe(BASE + "/sync"));

            // Sync now, slowed down so the progress bar is seen moving without a reload
            TENANT.scenario().setDeltaPageSize(10);
            TENANT.scenario().expireDeltaTokens();
            TENANT.scenario().injectFault(Fault.slow(Duration.ofMillis(700)), 8);
            page.findElement(By.id("sync-now")).click();
            wait.until(ExpectedConditions.urlContains("/sync/runs/"));
            ((JavascriptExecutor) page).executeScript("window.signetSamePage = true;");
            Set<String> seen = new LinkedHashSet<>();
            boolean screenshotWhileRunning = false;
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                String status = text(page, "run-status");
                if (Set.of("succeeded", "failed").contains(status)) {
                    break;
                }
                String processed = text(page, "run-processed");
                if (!processed.isEmpty()) {
                    seen.add(processed);
                }
                if (!screenshotWhileRunning && seen.size() >= 2 && !processed.startsWith("Users processed: 0 ")) {
                    browser.screenshot("09-sync-progress");
                    screenshotWhileRunning = true;
                }
                sleep(150);
            }
            waitForRunEnd(page);
            assertThat(seen).as("progress seen while running").hasSizeGreaterThanOrEqualTo(2);
            assertThat(((JavascriptExecutor) page).executeScript("return window.signetSamePage === true")).isEqualTo(true);
            assertThat(text(page, "run-status")).isEqualTo("succeeded");
            assertThat(page.findElement(By.id("run-counts")).getText()).contains("create");
            browser.screenshot("10-sync-finished");
            long imported = TENANT.scenario().users().stream().filter(u -> enabledMember(u)
                    && !department.equalsIgnoreCase(u.text("department"))).count();
            page.navigate().refresh();
            assertThat(page.findElement(By.id("seats")).getText()).isEqualTo(imported + " of 1000 seats");

            // History
            page.get(BASE + "/sync");
            assertThat(page.findElements(By.cssSelector("#runs .run-row"))).hasSize(2);
            browser.screenshot("11-sync-history");
            page.findElements(By.cssSelector("#runs .run-row a")).get(0).click();
            new Select(page.findElement(By.id("action"))).selectByValue("create");
            page.findElement(By.id("filter-changes")).click();
            wait.until(ExpectedConditions.urlContains("action=create"));
            assertThat(page.findElements(By.cssSelector("#change-list .change-row"))).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.getText()).startsWith("create"));
            browser.screenshot("12-sync-run-changes");

            // Employees: search, open one, see where values came from, pause
            SimUser someone = TENANT.scenario().users().stream().filter(u -> enabledMember(u)
                    && !department.equalsIgnoreCase(u.text("department")) && u.text("jobTitle") != null)
                    .findFirst().orElseThrow();
            page.get(BASE + "/employees");
            page.findElement(By.id("q")).sendKeys(someone.text("displayName") + Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("q="));
            assertThat(page.findElement(By.id("result-count")).getText()).isEqualTo("1 employee(s)");
            browser.screenshot("13-employees-search");
            page.findElement(By.cssSelector("#employee-table .employee-row a")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("employee-data")));
            assertThat(page.findElement(By.id("field-jobTitle")).getText()).contains(someone.text("jobTitle"))
                    .contains("Microsoft 365 (jobTitle)");
            page.findElement(By.id("toggle-pause")).click();
            wait.until(ExpectedConditions.textToBe(By.id("employee-sync"), "Paused for this employee"));
            browser.screenshot("14-employee-paused");
            String employeeUrl = page.getCurrentUrl();

            // Signatures: a template from a starter, edited with the live preview, assigned to everyone
            page.get(BASE + "/signatures");
            page.findElement(By.id("create-template")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("html")));
            new Select(page.findElement(By.id("employee"))).selectByValue(
                    employeeUrl.substring(employeeUrl.lastIndexOf('/') + 1));
            WebElement html = page.findElement(By.id("html"));
            html.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n<p>{{unknownThing}}</p>");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("template-problems")));
            assertThat(text(page, "template-problems")).contains("line").contains("unknownThing");
            browser.screenshot("15-template-error-at-line");
            html.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.chord(Keys.SHIFT, Keys.HOME), Keys.DELETE);
            page.findElement(By.cssSelector("button.chip[data-insert='{{jobTitle}}']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-frame")));
            // The preview frame is replaced on every keystroke: a frame found a moment ago may be gone.
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.NoSuchFrameException.class).until(d -> {
                d.switchTo().defaultContent();
                d.switchTo().frame(d.findElement(By.id("preview-frame")));
                String body = d.findElement(By.tagName("body")).getText();
                d.switchTo().defaultContent();
                return body.contains(someone.text("displayName"));
            });
            browser.screenshot("16-template-editor-preview");
            page.findElement(By.id("save-template")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "Template saved"));
            page.get(BASE + "/signatures");
            page.findElement(By.id("save-assignment")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-list")));
            browser.screenshot("17-signatures");
            page.get(employeeUrl);
            assertThat(page.findElements(By.cssSelector("#employee-signatures iframe"))).hasSize(1);
            browser.screenshot("18-employee-signature");

            // Disconnect, keeping the employees
            page.get(BASE + "/microsoft365");
            assertThat(text(page, "disconnect")).contains(imported + " synced employee(s)");
            page.findElement(By.id("confirm-disconnect")).click();
            page.findElement(By.id("disconnect-button")).click();
            wait.until(ExpectedConditions.textToBe(By.id("connection-status"), "Not connected"));
            assertThat(page.findElement(By.cssSelector(".notice.success")).getText())
                    .contains(imported + " synced employees were kept as manual employees");
            browser.screenshot("19-disconnected-kept");
            page.get(BASE + "/employees?source=manual");
            assertThat(text(page, "result-count")).isEqualTo(imported + " employee(s)");

            // At phone width the pages still work
            page.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            page.get(BASE + "/employees");
            assertThat(page.findElement(By.id("search")).isDisplayed()).isTrue();
            browser.screenshot("20-employees-390px");
        }
    }

    private static void waitForRunEnd(WebDriver page) {
        new WebDriverWait(page, Duration.ofSeconds(60)).until((Function<WebDriver, Boolean>) d ->
                Set.of("succeeded", "failed").contains(text(d, "run-status")));
    }

    private static String text(WebDriver page, String id) {
        try {
            return page.findElement(By.id(id)).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }

    private static boolean enabledMember(SimUser user) {
        return user.get("accountEnabled") != null && user.get("accountEnabled").asBoolean()
                && !"Guest".equals(user.text("userType"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
