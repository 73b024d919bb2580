package io.signet.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.signet.organization.Plan;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;

/**
 * The overview in headless Chromium for an organisation on a small plan, synced, with templates assigned and one
 * agent check-in: the cards that are fine and the ones that need attention, each link leading to its page.
 */
class OverviewBrowserIT extends SimulatedTenantTest {

    @Test
    void theOverviewShowsEachCardAndItsLinkLeadsToWhereItIsFixed() {
        TestOrg org = organizations.create(port, Plan.FREE);
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        // On a small plan not every user is added: the agent checks in for one who was.
        String synced = jdbc.sql("SELECT m365_object_id FROM employee WHERE org_id = :o AND status = 'active' "
                + "ORDER BY m365_object_id").param("o", org.orgId()).query(String.class).list().get(0);
        String token = AgentDeliveries.token(TENANT, synced);
        JsonNode served = AgentDeliveries.signatures(port, token).expectStatus(200).json();
        AgentDeliveries.checkIn(port, token, AgentDeliveries.currentCheckIn(served, "DESKTOP-1", "0.1.0", "[]"))
                .expectStatus(201);
        String base = "http://127.0.0.1:" + port;

        try (Browser browser = Browser.start(1280, 1200)) {
            WebDriver page = browser.driver();
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.get(base + "/");

            assertThat(page.findElement(By.id("seats")).getText()).isEqualTo("25 of 25 seats");
            assertThat(page.findElement(By.id("item-connection")).getText()).contains("Connected");
            assertThat(page.findElement(By.id("item-last-run")).getText()).contains("Succeeded");
            assertThat(page.findElement(By.id("item-next-run")).getText()).contains("runs next on");
            assertThat(page.findElement(By.id("item-seats")).getAttribute("class")).contains("attention");
            assertThat(page.findElement(By.id("item-not-added")).getText()).contains("not added");
            assertThat(page.findElement(By.id("item-failed")).getText()).contains("None");
            assertThat(page.findElement(By.id("item-without-signature")).getText()).contains("None");
            assertThat(page.findElement(By.id("item-delivery")).getText()).contains("1 of 25");
            browser.screenshot("21-overview");

            page.findElement(By.cssSelector("#item-not-added a.fix")).click();
            assertThat(page.getCurrentUrl()).contains("/sync/runs/").endsWith("?action=not_added");
            assertThat(page.findElement(By.id("change-list")).getText()).contains("seats");
        }
    }
}
