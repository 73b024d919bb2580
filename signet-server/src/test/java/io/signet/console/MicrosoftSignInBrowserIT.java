package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;

/**
 * An admin who has no Signet password signs in to the console with Microsoft in headless Chromium: "Sign in with
 * Microsoft", the (simulated) Microsoft sign-in page, back in the console. Screenshot in target/screenshots.
 */
class MicrosoftSignInBrowserIT extends SimulatedTenantTest {

    private static final String PASSWORD = "Person-Password-1!";

    @Test
    void anAdminWithoutAPasswordSignsInWithMicrosoftAndLandsOnTheConsole() {
        SyncedPerson person = SyncedPerson.create(TENANT, organizations, port, jdbc, "+49 30 7654321");
        TENANT.scenario().setPassword(person.userId(), PASSWORD);
        person.org().owner().post("/api/v1/admins", "{\"email\":\"" + person.email()
                + "\",\"role\":\"admin\",\"signIn\":\"microsoft\"}").expectStatus(201);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 900)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            page.get(base + "/login");
            page.findElement(By.id("sign-in-with-microsoft")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")));
            assertThat(page.getCurrentUrl()).startsWith(TENANT.authorityUrl() + "/organizations/oauth2/v2.0/authorize");
            page.findElement(By.id("username")).sendKeys(person.email());
            page.findElement(By.id("password")).sendKeys(PASSWORD);
            page.findElement(By.id("accept")).click();

            wait.until(ExpectedConditions.urlToBe(base + "/"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
            assertThat(page.getPageSource()).contains(person.email());
            browser.screenshot("22-sign-in-with-microsoft");
        }
    }
}
