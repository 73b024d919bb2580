package io.signet.console;

import static io.signet.testing.SyncedPerson.setting;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import io.signet.testing.Accessibility;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.SyncedPerson;
import io.signet.testing.TestOrganizations;

/**
 * axe-core on every console page, in headless Chromium, as the owner of an organisation connected to the
 * simulated tenant and synced, with templates, a shared mailbox and a pending self-service edit; the error
 * pages too. No page may have a serious or critical violation; all pages' violations are reported together.
 */
class ConsoleAccessibilityBrowserIT extends SimulatedTenantTest {

    @Test
    void noConsolePageHasASeriousOrCriticalViolation() {
        SyncedPerson sam = SyncedPerson.create(TENANT, organizations, port, jdbc, "+1 555 0100");
        var org = sam.org();
        String run = SyncedPerson.sync(org);
        String full = org.owner().post("/api/v1/signature-templates",
                "{\"name\":\"Full\",\"html\":\"<p>Best, {{displayName}}</p>\",\"text\":\"Best\"}").expectStatus(201).id();
        AgentDeliveries.assign(org, "new", full);
        String mailbox = org.owner().post("/api/v1/shared-mailboxes",
                "{\"address\":\"support@contoso.example\",\"displayName\":\"Support\"}").expectStatus(201).id();
        sam.unlock(setting("mobilePhone", true, true), setting("custom.pronouns", true, true));
        sam.me().put("/api/v1/me/details", "{\"values\":{\"mobilePhone\":\"+1 555 0123\"}}").expectStatus(200);
        String editor = "editor-" + UUID.randomUUID() + "@example.com";
        org.owner().post("/api/v1/admins", """
                {"email": "%s", "password": "%s", "role": "editor"}""".formatted(editor, TestOrganizations.PASSWORD))
                .expectStatus(201);
        org.owner().post("/api/v1/admin-groups", "{\"groupId\":\"" + TENANT.scenario().addGroup("Axe admins "
                + UUID.randomUUID()) + "\",\"role\":\"editor\"}").expectStatus(201);
        String base = "http://127.0.0.1:" + port;

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("Microsoft 365", "/microsoft365");
        pages.put("setup: settings", "/microsoft365/settings");
        pages.put("setup: rules", "/microsoft365/rules");
        pages.put("mapping", "/mapping");
        pages.put("sync", "/sync");
        pages.put("sync run", "/sync/runs/" + run);
        pages.put("employees", "/employees");
        pages.put("employee", "/employees/" + sam.employeeId());
        pages.put("employee edit", "/employees/" + sam.employeeId() + "/edit");
        pages.put("employee add", "/employees/new");
        pages.put("employee import", "/employees/import");
        pages.put("signatures", "/signatures");
        pages.put("template editor", "/signatures/" + full);
        pages.put("shared mailboxes", "/shared-mailboxes");
        pages.put("shared mailbox", "/shared-mailboxes/" + mailbox);
        pages.put("delivery", "/delivery");
        pages.put("self-service", "/self-service");
        pages.put("approvals", "/approvals");
        pages.put("audit log", "/audit");
        pages.put("admins", "/admins");
        pages.put("error: not found", "/employees/" + UUID.randomUUID());
        pages.put("error: problem", "/employees?source=nowhere");

        List<String> failures = new ArrayList<>();
        try (Browser browser = Browser.start(1280, 1000)) {
            WebDriver page = browser.driver();
            page.get(base + "/login");
            check(page, "login", failures);
            ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\"><button></button>')");
            assertThat(Accessibility.seriousViolations(page)).as("axe-core runs and sees a planted violation")
                    .anyMatch(v -> v.contains("image-alt")).anyMatch(v -> v.contains("button-name"));
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            for (var entry : pages.entrySet()) {
                page.get(base + entry.getValue());
                assertThat(page.getCurrentUrl()).as(entry.getKey()).isEqualTo(base + entry.getValue());
                String expectedError = entry.getKey().equals("error: not found") ? "id=\"error-404\""
                        : entry.getKey().equals("error: problem") ? "id=\"error-message\"" : null;
                if (expectedError == null) {
                    assertThat(page.getPageSource()).as(entry.getKey() + " is the page, not an error page")
                            .doesNotContain("id=\"error-");
                } else {
                    assertThat(page.getPageSource()).as(entry.getKey()).contains(expectedError);
                }
                check(page, entry.getKey(), failures);
            }
        }
        try (Browser browser = Browser.start(1280, 1000)) {
            WebDriver page = browser.driver();
            browser.signIn(base, editor, TestOrganizations.PASSWORD);
            page.get(base + "/employees/" + sam.employeeId() + "/edit");
            assertThat(page.getPageSource()).contains("id=\"error-403\"");
            check(page, "error: forbidden", failures);
        }
        assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    }

    private static void check(WebDriver page, String name, List<String> failures) {
        List<String> lesser = Accessibility.violations(page, List.of("minor", "moderate"));
        if (!lesser.isEmpty()) {
            System.out.println("axe-core, minor or moderate (not failing) on " + name + ":\n" + String.join("\n", lesser));
        }
        try {
            Accessibility.assertNoSeriousViolations(page, name);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }
}
