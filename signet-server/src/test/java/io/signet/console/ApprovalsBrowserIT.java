package io.signet.console;

import static io.signet.testing.SyncedPerson.setting;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;
import io.signet.testing.TestOrganizations;

/**
 * Self-service and Approvals in headless Chromium: the settings show and save the checkboxes; an admin approves one of two pending edits, the approved one leaves the list, and
 * the employee's page shows the value as self-service with who set it, when, and who approved it.
 */
class ApprovalsBrowserIT extends SimulatedTenantTest {

    @Test
    void anAdminApprovesAnEditAndTheEmployeePageShowsItAsSelfServiceWithWhoAndWhen() {
        SyncedPerson sam = SyncedPerson.create(TENANT, organizations, port, jdbc, "+1 555 0100");
        sam.unlock(setting("mobilePhone", true, true), setting("custom.pronouns", true, true));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0123\",\"custom.pronouns\":\"they/them\"}}")
                .expectStatus(200);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1000)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            browser.signIn(base, sam.org().ownerEmail(), TestOrganizations.PASSWORD);
            page.findElement(By.linkText("Self-service")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/self-service"));
            assertThat(page.findElement(By.id("editable-mobilePhone")).isSelected()).isTrue();
            assertThat(page.findElement(By.id("approval-mobilePhone")).isSelected()).isTrue();
            assertThat(page.findElement(By.id("editable-website")).isSelected()).isFalse();
            page.findElement(By.id("editable-website")).click();
            page.findElement(By.id("save-self-service")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"),
                    "Self-service settings saved"));
            assertThat(page.findElement(By.id("editable-website")).isSelected()).isTrue();
            assertThat(page.findElement(By.id("approval-mobilePhone")).isSelected()).isTrue();
            page.findElement(By.linkText("Approvals")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/approvals"));
            List<WebElement> rows = page.findElements(By.cssSelector("#requests .request"));
            assertThat(rows).hasSize(2);
            WebElement mobile = rows.stream().filter(r -> r.getText().contains("Mobile phone")).findFirst().orElseThrow();
            assertThat(mobile.findElement(By.className("current")).getText()).isEqualTo("+1 555 0100");
            assertThat(mobile.findElement(By.className("requested")).getText()).isEqualTo("+1 555 0123");
            assertThat(mobile.getText()).contains("Sam Self");
            browser.screenshot("18-approvals");

            mobile.findElement(By.className("approve")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "Approved"));
            List<WebElement> left = page.findElements(By.cssSelector("#requests .request"));
            assertThat(left).hasSize(1);
            assertThat(left.get(0).getText()).contains("Pronouns").doesNotContain("Mobile phone");

            page.get(base + "/employees/" + sam.employeeId());
            WebElement field = page.findElement(By.id("field-mobilePhone"));
            assertThat(field.getText()).contains("+1 555 0123", "Self-service", "set by " + sam.email().toLowerCase(),
                    "approved by " + sam.org().ownerEmail());
            assertThat(field.findElement(By.className("reset")).getText()).isEqualTo("Reset to Microsoft 365");

            field.findElement(By.className("reset")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"),
                    "follows Microsoft 365 again"));
            assertThat(page.findElement(By.id("field-mobilePhone")).getText()).contains("+1 555 0100", "Microsoft 365")
                    .doesNotContain("Self-service");
        }
    }
}
