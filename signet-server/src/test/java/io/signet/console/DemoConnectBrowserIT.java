package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.signet.m365sim.M365Simulator;
import io.signet.testing.Browser;
import io.signet.testing.FreePort;
import io.signet.testing.TestDatabaseConfiguration;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * A newcomer's first minutes, in headless Chromium against Signet in demo mode (what the README's run
 * command starts): sign in, "Connect Microsoft 365", approve on the demo tenant's consent page as its
 * administrator, land back in Signet connected. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, TestOrganizations.class})
class DemoConnectBrowserIT {

    // The demo tenant sends the browser back to signet.public-base-url, so the port must be known up front.
    static final int PORT = FreePort.pick();

    @DynamicPropertySource
    static void demoMode(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("signet.public-base-url", () -> "http://localhost:" + PORT);
        registry.add("signet.microsoft.demo-mode", () -> "true");
        registry.add("signet.microsoft.client-id", () -> "");
        registry.add("signet.microsoft.client-secret", () -> "");
    }

    @Autowired
    TestOrganizations organizations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aNewcomerConnectsTheDemoTenantInTheBrowserAndSeesItConnected() {
        // The test database is shared by every test class; a tenant feeds one organisation at a time.
        jdbc.sql("DELETE FROM m365_connection WHERE tenant_id = :t").param("t", M365Simulator.DEMO_TENANT_ID).update();
        TestOrg org = organizations.create(PORT);
        try (Browser browser = Browser.start(1280, 900)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            page.get("http://localhost:" + PORT + "/login");
            page.findElement(By.id("username")).sendKeys(org.ownerEmail());
            page.findElement(By.id("password")).sendKeys(TestOrganizations.PASSWORD);
            page.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.urlToBe("http://localhost:" + PORT + "/"));

            page.get("http://localhost:" + PORT + "/microsoft365");
            assertThat(page.findElement(By.id("demo-notice")).getText()).contains("Demo mode")
                    .contains(M365Simulator.DEMO_ADMIN_USERNAME);
            assertThat(page.findElement(By.id("connection-status")).getText()).isEqualTo("Not connected");
            page.findElement(By.id("connect")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consent-form")));
            assertThat(page.getPageSource()).contains("Read all users' full profiles").contains("Read all groups");
            browser.screenshot("demo-consent-page");
            page.findElement(By.id("username")).sendKeys(M365Simulator.DEMO_ADMIN_USERNAME);
            page.findElement(By.id("password")).sendKeys(M365Simulator.DEMO_ADMIN_PASSWORD);
            page.findElement(By.id("accept")).click();

            wait.until(ExpectedConditions.urlToBe("http://localhost:" + PORT + "/microsoft365"));
            assertThat(page.findElement(By.id("connection-status")).getText()).isEqualTo("Connected");
            assertThat(page.getPageSource()).contains(M365Simulator.DEMO_TENANT_ID);
            browser.screenshot("demo-connected");
        }
    }

}
