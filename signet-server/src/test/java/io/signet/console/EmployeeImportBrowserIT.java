package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.Browser;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * An admin in headless Chromium imports employees from a CSV file with good and bad rows (previewing the errors
 * before anything is written), and adds an employee by hand.
 */
@PersistenceTest
class EmployeeImportBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;

    @Test
    void theAdminSeesEachBadRowBeforeAnythingIsWrittenThenImportsTheGoodRowsOnly(@TempDir Path dir) throws Exception {
        TestOrg org = organizations.create(port);
        org.owner().post("/api/v1/departments", "{\"name\":\"Sales\"}").expectStatus(201);
        Path file = dir.resolve("employees.csv");
        Files.writeString(file, "\uFEFFemail;firstName;lastName;department;businessPhone\r\n"
                + "jane.doe@example.com;Jane;Doe;sales;+49 (0) 89 1234-5\r\n"
                + "ake.lund@example.com;Åke;Lund 😀;;\r\n"
                + "bad.phone@example.com;Bad;Phone;;call me\r\n"
                + "no.dept@example.com;No;Dept;Marketing;\r\n", StandardCharsets.UTF_8);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1100)) {
            WebDriver page = browser.driver();
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.get(base + "/employees");
            page.findElement(By.id("import-employees")).click();
            page.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            page.findElement(By.id("preview-import")).click();

            assertThat(page.findElement(By.id("preview-summary")).getText())
                    .isEqualTo("2 row(s) will be created, 0 updated, 0 are unchanged, 2 have errors.");
            List<String> errors = page.findElements(By.cssSelector("#row-error-table tbody tr")).stream()
                    .map(WebElement::getText).toList();
            assertThat(errors).containsExactly(
                    "4 bad.phone@example.com businessPhone must be a phone number (digits, spaces, + ( ) . / -)",
                    "5 no.dept@example.com department no department named 'Marketing' exists; create it first");
            assertThat(org.owner().get("/api/v1/employees").json().get("totalItems").asLong()).isZero();
            browser.screenshot("26-employee-import-preview");

            page.findElement(By.id("import-good-rows")).click();

            assertThat(page.findElement(By.cssSelector(".notice.success")).getText())
                    .contains("2 created, 0 updated, 0 unchanged, 2 skipped");
            assertThat(page.findElements(By.cssSelector("#row-error-table tbody tr"))).hasSize(2);
            page.get(base + "/employees");
            String table = page.findElement(By.id("employee-table")).getText();
            assertThat(table).contains("jane.doe@example.com", "Sales", "ake.lund@example.com")
                    .doesNotContain("bad.phone@example.com", "no.dept@example.com");
        }
    }

    @Test
    void theAdminAddsAnEmployeeAfterSeeingTheBadPhoneNumberNamedNextToItsField() {
        TestOrg org = organizations.create(port);
        org.owner().post("/api/v1/departments", "{\"name\":\"Support\"}").expectStatus(201);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1600)) {
            WebDriver page = browser.driver();
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.get(base + "/employees");
            page.findElement(By.id("add-employee")).click();
            page.findElement(By.id("email")).sendKeys("new.hire@example.com");
            page.findElement(By.id("firstName")).sendKeys("Zoë");
            page.findElement(By.id("businessPhone")).sendKeys("call me maybe");
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("departmentId"))).selectByVisibleText("Support");
            page.findElement(By.id("save-employee")).click();
            WebDriverWait wait = new WebDriverWait(page, java.time.Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-businessPhone")));

            assertThat(page.findElement(By.id("error-businessPhone")).getText())
                    .isEqualTo("must be a phone number (digits, spaces, + ( ) . / -)");
            assertThat(page.findElement(By.id("firstName")).getAttribute("value")).isEqualTo("Zoë");
            assertThat(org.owner().get("/api/v1/employees").json().get("totalItems").asLong()).isZero();
            browser.screenshot("27-employee-add");

            page.findElement(By.id("businessPhone")).clear();
            page.findElement(By.id("businessPhone")).sendKeys("+49 (0) 89 1234-5");
            page.findElement(By.id("save-employee")).click();
            wait.until(ExpectedConditions.urlMatches(".*/employees/[0-9a-f-]{36}$"));

            assertThat(page.getCurrentUrl()).matches(".*/employees/[0-9a-f-]{36}");
            assertThat(page.findElement(By.cssSelector(".notice.success")).getText()).isEqualTo("Added new.hire@example.com.");
            var created = org.owner().get("/api/v1/employees?q=new.hire").json().get("items").get(0);
            assertThat(created.get("businessPhone").asString()).isEqualTo("+49 (0) 89 1234-5");
            assertThat(created.get("departmentName").asString()).isEqualTo("Support");
            assertThat(created.get("source").asString()).isEqualTo("manual");
        }
    }
}
