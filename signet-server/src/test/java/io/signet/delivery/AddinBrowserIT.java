package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.signet.m365sim.SimUser;
import io.signet.testing.ApiClient;
import io.signet.testing.Browser;
import io.signet.testing.FreePort;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.SyncRunsAwaited;
import io.signet.testing.TestDatabaseConfiguration;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The add-in's pages as Outlook loads them, in headless Chromium, with a stand-in for Office.js that records
 * what the add-in inserts: the task pane shows and inserts the reply signature of a synced employee, and the
 * compose event handler inserts the new-message signature, switches Outlook's own off, and completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
@Import({TestDatabaseConfiguration.class, TestOrganizations.class})
class AddinBrowserIT {

    static final SimulatedTenant TENANT = SimulatedTenant.shared();
    // The add-in calls Signet at its public base URL, so the port must be known up front.
    static final int PORT = FreePort.pick();
    static final String BASE = "http://127.0.0.1:" + PORT;

    @DynamicPropertySource
    static void signetWithAStubbedOfficeJs(DynamicPropertyRegistry registry) {
        TENANT.configure(registry);
        registry.add("server.port", () -> PORT);
        registry.add("signet.public-base-url", () -> BASE);
        registry.add("signet.addin.office-js-url", () -> BASE + "/addin/test/office-stub.js");
    }

    @Autowired
    TestOrganizations organizations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theTaskPaneShowsAndInsertsTheReplySignatureAndTheComposeHandlerInsertsTheNewOne() {
        TestOrg org = organizations.create(PORT);
        TENANT.connect(PORT, org, jdbc);
        String upn = "addin.user." + System.nanoTime() + "@" + TENANT.simulator().domain();
        TENANT.scenario().addUser(SimUser.of(upn, "Ada Addin").set("mail", upn));
        String run = org.owner().post("/api/v1/microsoft365/syncs", "{}").expectStatus(202).id();
        awaitRun(org, run);
        assign(org, "new", "<p>Best regards, {{displayName}}</p>");
        assign(org, "reply", "<p>-- {{displayName}}</p>");
        String token = TENANT.scenario().issueAccessToken(upn, SimulatedTenant.CLIENT_ID, "access_as_user",
                "api://127.0.0.1:" + PORT + "/" + SimulatedTenant.CLIENT_ID, Duration.ofMinutes(30));

        try (Browser browser = Browser.start(420, 800)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            page.get(BASE + "/addin/taskpane.html?stubCompose=reply&stubToken=" + token);
            wait.withMessage(() -> "the task pane says: " + page.findElement(By.id("status")).getText() + "; errors: "
                    + ((JavascriptExecutor) page).executeScript("return JSON.stringify(window.__stub.errors)"))
                    .until(d -> d.findElement(By.id("status")).getText().contains("reply and forward signature"));
            assertThat(page.findElement(By.id("who")).getText()).contains("Ada Addin");
            assertThat(page.findElement(By.id("preview")).getDomAttribute("srcdoc")).contains("-- Ada Addin");
            browser.screenshot("addin-taskpane-reply");

            page.findElement(By.id("insert")).click();
            wait.until(d -> d.findElement(By.id("status")).getText().startsWith("Inserted"));
            JavascriptExecutor js = (JavascriptExecutor) page;
            assertThat((List<?>) js.executeScript("return window.__stub.inserted")).singleElement().asString()
                    .contains("-- Ada Addin");
            assertThat(js.executeScript("return window.__stub.options[0].coercionType")).isEqualTo("html");

            page.get(BASE + "/addin/commands.html?stubCompose=newMail&stubToken=" + token);
            js.executeScript("window.__stub.handlers.onNewMessageComposeHandler("
                    + "{completed: function (o) { window.__stub.completed++; window.__stub.completedWith = o; }})");
            wait.until(d -> ((Number) js.executeScript("return window.__stub.completed")).intValue() == 1);
            assertThat((List<?>) js.executeScript("return window.__stub.inserted")).singleElement().asString()
                    .contains("Best regards, Ada Addin");
            assertThat(((Number) js.executeScript("return window.__stub.clientSignatureDisabled")).intValue()).isEqualTo(1);
        }
    }

    @Test
    void anEmployeeEditsAnUnlockedDetailInTheTaskPaneSeesThePreviewSavesAndAnInvalidValueIsShownAtItsField() {
        TestOrg org = organizations.create(PORT);
        TENANT.connect(PORT, org, jdbc);
        String upn = "details.user." + System.nanoTime() + "@" + TENANT.simulator().domain();
        TENANT.scenario().addUser(SimUser.of(upn, "Dana Details").set("mail", upn));
        awaitRun(org, org.owner().post("/api/v1/microsoft365/syncs", "{}").expectStatus(202).id());
        assign(org, "new", "<p>{{displayName}} {{#mobilePhone}}M {{mobilePhone}}{{/mobilePhone}}</p>");
        org.owner().put("/api/v1/self-service/fields",
                "{\"fields\":[{\"field\":\"mobilePhone\",\"editable\":true,\"approval\":false}]}").expectStatus(200);
        String token = TENANT.scenario().issueAccessToken(upn, SimulatedTenant.CLIENT_ID, "access_as_user",
                "api://127.0.0.1:" + PORT + "/" + SimulatedTenant.CLIENT_ID, Duration.ofMinutes(30));

        try (Browser browser = Browser.start(420, 1000)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            page.get(BASE + "/addin/taskpane.html?stubCompose=newMail&stubFrom=" + upn + "&stubToken=" + token);
            wait.until(d -> d.findElement(By.id("my-details")).isDisplayed()
                    && !d.findElements(By.cssSelector("input[name=mobilePhone]")).isEmpty());

            WebElement mobile = page.findElement(By.cssSelector("input[name=mobilePhone]"));
            mobile.clear();
            mobile.sendKeys("not a phone!");
            page.findElement(By.id("save-details")).click();
            wait.until(d -> !d.findElement(By.id("error-mobilePhone")).getText().isBlank());
            assertThat(org.owner().get("/api/v1/employees?q=" + upn).body()).doesNotContain("not a phone");

            mobile.clear();
            mobile.sendKeys("+49 170 5550100");
            wait.until(d -> String.valueOf(d.findElement(By.id("details-preview")).getDomAttribute("srcdoc"))
                    .contains("+49 170 5550100"));
            wait.until(d -> !d.findElement(By.id("details-status")).getText().contains("Nothing was saved"));
            assertThat(page.findElement(By.id("error-mobilePhone")).getText()).isBlank();
            browser.screenshot("19-addin-my-details");
            page.findElement(By.id("save-details")).click();
            wait.until(d -> d.findElement(By.id("details-status")).getText().contains("Saved"));
        }

        JsonNode details = ApiClient.anonymous(PORT).withBearer(token).get("/api/v1/me/details").expectStatus(200).json();
        assertThat(details.get("fields").get(0).get("value").asString()).isEqualTo("+49 170 5550100");
        assertThat(details.get("fields").get(0).get("source").asString()).isEqualTo("self-service");
    }

    @Test
    void withoutASignInTheHandlerLeavesTheMessageUntouchedAndStillCompletes() {
        try (Browser browser = Browser.start(420, 800)) {
            WebDriver page = browser.driver();
            JavascriptExecutor js = (JavascriptExecutor) page;
            page.get(BASE + "/addin/commands.html?stubCompose=newMail");
            js.executeScript("window.__stub.handlers.onNewMessageComposeHandler("
                    + "{completed: function () { window.__stub.completed++; }})");
            new WebDriverWait(page, Duration.ofSeconds(20))
                    .until(d -> ((Number) js.executeScript("return window.__stub.completed")).intValue() == 1);
            assertThat((List<?>) js.executeScript("return window.__stub.inserted")).isEmpty();
        }
    }

    private static void assign(TestOrg org, String type, String html) {
        String template = org.owner().post("/api/v1/signature-templates", "{\"name\":\"" + type + " " + System.nanoTime()
                + "\",\"html\":\"" + html + "\",\"text\":\"-\"}").expectStatus(201).id();
        org.owner().post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"" + type
                + "\",\"templateId\":\"" + template + "\"}");
    }

    private static void awaitRun(TestOrg org, String runId) {
        assertThat(SyncRunsAwaited.finished(org.owner(), runId).get("status").asString()).isEqualTo("succeeded");
    }

}
