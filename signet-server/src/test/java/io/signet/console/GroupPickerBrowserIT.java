package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.signet.testing.ApiClient.Response;
import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * The group picker in headless Chromium: the main import rule ("members of Signature Pilot") is built by typing
 * part of the group's name and picking it; the preview and the sync run's changes name the group.
 */
class GroupPickerBrowserIT extends SimulatedTenantTest {

    @Test
    void anAdminBuildsTheMainRuleByTypingPartOfAGroupsNameAndSeesTheGroupNamedInPreviewAndRun() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        Response dryRun = org.owner().post("/api/v1/microsoft365/syncs", "{\"dryRun\":true}");
        SyncRunsAwaited.finished(org.owner(), dryRun.id());
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1300)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.get(base + "/microsoft365/rules");
            page.findElement(By.id("add-rule")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-0-group-search")));
            page.findElement(By.id("rule-0-name")).sendKeys("Pilot users");

            page.findElement(By.id("rule-0-group-search")).sendKeys("pil");
            WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#rule-0-group-results .group-choice")));
            assertThat(choice.getText()).contains("Signature Pilot", "Security", "member(s)");
            browser.screenshot("23-group-picker");
            choice.click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-0-group-picked"), "Signature Pilot"));
            assertThat(page.findElement(By.id("rule-0-group-results")).getText()).isEmpty();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-rule-0"),
                    "(group Signature Pilot)"));
            assertThat(page.findElement(By.id("preview-rule-0")).getText()).contains("Pilot users");
            browser.screenshot("24-group-picker-preview");

            page.findElement(By.id("save-rules-and-continue")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/sync"));
            page.findElement(By.id("sync-now")).click();
            wait.until(ExpectedConditions.urlContains("/sync/runs/"));
            new WebDriverWait(page, Duration.ofSeconds(60)).until((Function<WebDriver, Boolean>) d ->
                    Set.of("succeeded", "failed").contains(text(d, "run-status")));
            assertThat(text(page, "run-status")).isEqualTo("succeeded");
            page.findElement(By.id("show-changes")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("change-list")));
            assertThat(page.findElement(By.id("change-list")).getText())
                    .contains("included by rule 'Pilot users' (member of group 'Signature Pilot')");
            browser.screenshot("25-group-picker-run-changes");

            page.get(base + "/microsoft365/rules");
            assertThat(page.findElement(By.id("rule-0-group-picked")).getText()).isEqualTo("Group: Signature Pilot");
        }
        assertThat(org.owner().get("/api/v1/microsoft365/import-rules").json().at("/rules/0/condition/groupName")
                .asString()).isEqualTo("Signature Pilot");
    }

    private static String text(WebDriver page, String id) {
        try {
            return page.findElement(By.id(id)).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return "";
        }
    }
}
