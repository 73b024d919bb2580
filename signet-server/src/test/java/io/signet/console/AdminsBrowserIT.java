package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

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
import tools.jackson.databind.JsonNode;

/**
 * The Admins page in headless Chromium: an owner adds an admin who signs in with Microsoft only, is told why a bad
 * address is refused, and maps an Entra group to a role by typing part of the group's name.
 */
class AdminsBrowserIT extends SimulatedTenantTest {

    @Test
    void anOwnerAddsAMicrosoftOnlyAdminAndMapsAGroupFoundByPartOfItsName() {
        TestOrg org = organizations.create(port);
        TENANT.connect(port, org, jdbc);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String groupName = "Brand Stewards " + suffix;
        String group = TENANT.scenario().addGroup(groupName);
        String newAdmin = "ms-admin-" + suffix + "@example.com";
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1900)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.findElement(By.linkText("Admins")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/admins"));

            page.findElement(By.id("email")).sendKeys("not-an-address");
            page.findElement(By.id("add-admin-button")).click();
            assertThat(page.findElement(By.id("admin-form")).getText()).contains("must be a valid email address");
            WebElement email = page.findElement(By.id("email"));
            email.clear();
            email.sendKeys(newAdmin);
            new Select(page.findElement(By.id("role"))).selectByValue("editor");
            page.findElement(By.id("sign-in-microsoft")).click();
            page.findElement(By.id("add-admin-button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-table"), newAdmin));
            WebElement row = page.findElement(By.cssSelector("tr.admin-row[data-email='" + newAdmin + "']"));
            assertThat(row.findElement(By.className("sign-in")).getText()).isEqualTo("Microsoft");
            assertThat(row.findElement(By.className("linked")).getText()).isEqualTo("No");

            page.findElement(By.id("admin-group-group-search")).sendKeys("brand stew");
            WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//ul[@id='admin-group-group-results']//button[contains(., '" + groupName + "')]")));
            choice.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-group-group-picked"), groupName));
            new Select(page.findElement(By.id("group-role"))).selectByValue("admin");
            page.findElement(By.id("add-admin-group")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("admin-group-table"), groupName));
            assertThat(page.findElement(By.cssSelector(".notice.success")).getText()).contains(groupName);
            browser.screenshot("28-admins");
        }
        JsonNode added = null;
        for (JsonNode a : org.owner().get("/api/v1/admins").json()) {
            if (a.get("email").asString().equals(newAdmin)) {
                added = a;
            }
        }
        assertThat(added).isNotNull();
        assertThat(added.get("role").asString()).isEqualTo("editor");
        assertThat(added.get("signIn").asString()).isEqualTo("microsoft");
        JsonNode groups = org.owner().get("/api/v1/admin-groups").json();
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("groupId").asString()).isEqualTo(group);
        assertThat(groups.get(0).get("role").asString()).isEqualTo("admin");
    }
}
