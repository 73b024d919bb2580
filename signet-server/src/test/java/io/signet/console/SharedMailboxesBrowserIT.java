package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * The Shared mailboxes page in headless Chromium: adding one with its own template, seeing it listed, a bad
 * address shown next to its field with nothing saved, and editing it.
 */
class SharedMailboxesBrowserIT extends SimulatedTenantTest {

    @Test
    void anAdminAddsASharedMailboxSeesItListedAndSeesWhyABadAddressIsRefused() {
        TestOrg org = organizations.create(port);
        org.owner().post("/api/v1/signature-templates", "{\"name\":\"Team\",\"html\":\"<p>{{name}}</p>\",\"text\":\"{{name}}\"}")
                .expectStatus(201);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1400)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.findElement(By.linkText("Shared mailboxes")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/shared-mailboxes"));
            assertThat(page.findElement(By.id("mailboxes")).getText()).contains("No shared mailbox is registered yet");

            page.findElement(By.id("address")).sendKeys("support@contoso.example");
            page.findElement(By.id("displayName")).sendKeys("Contoso Support");
            page.findElement(By.id("businessPhone")).sendKeys("+1 555 0100");
            new Select(page.findElement(By.id("newTemplateId"))).selectByVisibleText("Team");
            page.findElement(By.id("save-mailbox")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"),
                    "Shared mailbox support@contoso.example added."));
            WebElement row = page.findElement(By.cssSelector("#mailbox-table .mailbox-row"));
            assertThat(row.findElement(By.className("address")).getText()).isEqualTo("support@contoso.example");
            assertThat(row.getText()).contains("Contoso Support", "Team", "Default");
            browser.screenshot("shared-mailboxes");

            page.findElement(By.id("address")).sendKeys("not an address");
            page.findElement(By.id("displayName")).sendKeys("Broken");
            page.findElement(By.id("save-mailbox")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-address")));
            assertThat(page.findElement(By.id("error-address")).getText()).contains("valid email address");
            assertThat(page.findElement(By.id("address")).getDomProperty("value")).isEqualTo("not an address");
            assertThat(page.findElement(By.id("address")).getDomAttribute("aria-invalid")).isEqualTo("true");

            WebElement address = page.findElement(By.id("address"));
            address.clear();
            address.sendKeys("SUPPORT@contoso.example");
            page.findElement(By.id("save-mailbox")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-address"), "already registered"));
            assertThat(org.owner().get("/api/v1/shared-mailboxes").json().get("totalItems").asLong())
                    .as("nothing saved").isEqualTo(1);

            page.get(base + "/shared-mailboxes");
            page.findElement(By.linkText("support@contoso.example")).click();
            WebElement name = page.findElement(By.id("displayName"));
            name.clear();
            name.sendKeys("Help desk");
            page.findElement(By.id("save-mailbox")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "saved"));
            assertThat(page.findElement(By.cssSelector("#mailbox-table .mailbox-row")).getText()).contains("Help desk");
        }
    }
}
