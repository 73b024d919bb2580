package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.signet.delivery.AgentDownloads;
import io.signet.m365sim.M365Simulator;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The Delivery page in headless Chromium, after an employee's agent checked in and their add-in reported a
 * delivery: the add-in channel beside the agent's with its client, the check-in row, the problem explained, the agent settings saved, and a bad interval shown next to its field with nothing saved.
 */
class DeliveryPageBrowserIT extends SimulatedTenantTest {

    @Autowired
    AgentDownloads downloads;

    @Test
    void anAdminSeesTheCheckInAndItsProblemExplainedAndSavesTheAgentSettings() {
        TestOrg org = organizations.create(port);
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        String token = AgentDeliveries.token(TENANT, M365Simulator.DEMO_MEMBER_USERNAME);
        JsonNode served = AgentDeliveries.signatures(port, token).expectStatus(200).json();
        AgentDeliveries.checkIn(port, token, AgentDeliveries.currentCheckIn(served, "DESKTOP-1234", "0.1.0",
                "[{\"code\":\"roaming-policy\",\"detail\":\"RoamingSignatures policy forces roaming on\"}]"))
                .expectStatus(201);
        String version = io.signet.testing.ApiClient.anonymous(port).withBearer(token).get("/api/v1/me/signature?type=new")
                .expectStatus(200).json().get("version").asString();
        io.signet.testing.ApiClient.anonymous(port).withBearer(token).post("/api/v1/me/deliveries", "{\"channel\":"
                + "\"add-in\",\"type\":\"new\",\"signatureVersion\":\"" + version + "\",\"from\":null,"
                + "\"client\":{\"platform\":\"OfficeOnline\",\"version\":\"16.0\"}}").expectStatus(204);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1800)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.findElement(By.linkText("Delivery")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/delivery"));

            WebElement row = page.findElement(By.cssSelector("#check-in-table .check-in-row"));
            assertThat(row.findElement(By.className("device")).getText()).isEqualTo("DESKTOP-1234");
            assertThat(row.findElement(By.className("agent-version")).getText()).isEqualTo("0.1.0");
            assertThat(row.getText()).contains("current");
            assertThat(page.findElement(By.cssSelector("#channel-agent .current-count")).getText()).isEqualTo("1");
            WebElement addin = page.findElement(By.id("channel-add-in"));
            assertThat(addin.getText()).contains("Outlook add-in");
            assertThat(addin.findElement(By.className("current-count")).getText()).isEqualTo("1");
            assertThat(addin.findElement(By.className("clients")).getText()).isEqualTo("OfficeOnline: 1");
            assertThat(page.findElement(By.id("report")).getText()).doesNotContain("does not report");
            assertThat(page.findElement(By.cssSelector("#problem-roaming-policy .explanation")).getText())
                    .contains("A policy keeps Outlook's roaming signatures on");
            WebElement jar = page.findElement(By.id("download-signet-agent-jar"));
            if (downloads.all().stream().anyMatch(d -> d.file().equals("signet-agent.jar") && d.available())) {
                assertThat(jar.findElement(By.tagName("a")).getDomAttribute("href")).isEqualTo("/downloads/signet-agent.jar");
            } else {
                assertThat(jar.getText()).contains("not bundled");
            }
            assertThat(page.findElement(By.id("download-desktop-agent-md")).findElement(By.tagName("a"))
                    .getDomAttribute("href")).isEqualTo("/downloads/desktop-agent.md");

            WebElement interval = page.findElement(By.id("syncIntervalMinutes"));
            interval.clear();
            interval.sendKeys("30");
            page.findElement(By.id("save-agent-settings")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"),
                    "Agent settings saved"));
            assertThat(page.findElement(By.id("syncIntervalMinutes")).getDomProperty("value")).isEqualTo("30");
            assertThat(org.owner().get("/api/v1/delivery/agent-settings").json().get("syncIntervalMinutes").asInt())
                    .isEqualTo(30);
            page.get(base + "/delivery");
            browser.screenshot("delivery");

            interval = page.findElement(By.id("syncIntervalMinutes"));
            interval.clear();
            interval.sendKeys("5");
            page.findElement(By.id("save-agent-settings")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-syncIntervalMinutes")));
            assertThat(page.findElement(By.id("error-syncIntervalMinutes")).getText()).contains("between 15 and 1440");
            assertThat(page.findElement(By.id("syncIntervalMinutes")).getDomProperty("value")).isEqualTo("5");

            interval = page.findElement(By.id("syncIntervalMinutes"));
            interval.clear();
            interval.sendKeys("hourly");
            page.findElement(By.id("save-agent-settings")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-syncIntervalMinutes"),
                    "whole number"));
            assertThat(org.owner().get("/api/v1/delivery/agent-settings").json().get("syncIntervalMinutes").asInt())
                    .as("nothing saved").isEqualTo(30);
        }
    }
}
