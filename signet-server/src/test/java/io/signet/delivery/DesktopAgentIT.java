package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.signet.agent.AgentWiring;
import io.signet.agent.HostFacts;
import io.signet.agent.cli.Main;
import io.signet.agent.signin.MemoryTokenCache;
import io.signet.m365sim.M365Simulator;
import io.signet.m365sim.scenario.ScriptedSignIn;
import io.signet.testing.AgentDeliveries;
import io.signet.testing.Browser;
import io.signet.testing.SimulatedTenantTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signet Agent end to end, as an employee meets it: the real agent (its command line, MSAL4J sign-in through the
 * simulated tenant's identity platform over HTTPS, its client and its installer in export mode) against this
 * Signet; then the admin sees the check-in through the API and on the Delivery page.
 */
class DesktopAgentIT extends SimulatedTenantTest {

    record Run(int exitCode, JsonNode json, String err) {
    }

    @TempDir
    Path temp;

    @Test
    void anEmployeesAgentSignsInInstallsTheirSignaturesOnceAndTheAdminSeesItsCheckIn() throws IOException {
        TestOrg org = organizations.create(port);
        AgentDeliveries.connectSyncAndAssign(TENANT, port, org, jdbc);
        String member = M365Simulator.DEMO_MEMBER_USERNAME;
        String name = TENANT.scenario().user(member).orElseThrow().displayName();
        AtomicInteger signInPages = new AtomicInteger();
        AgentWiring agent = agentSigningInAs(member, M365Simulator.DEMO_MEMBER_PASSWORD, signInPages);
        Path signatures = temp.resolve("Signatures");
        Path reg = temp.resolve("signet.reg");

        Run first = run(agent, "--json", "sync", "--signatures-dir", signatures.toString(), "--registry-file",
                reg.toString());
        Map<String, FileTime> written = modified(temp);
        Run second = run(agent, "--json", "sync", "--silent", "--signatures-dir", signatures.toString(),
                "--registry-file", reg.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(signInPages).as("signed in once in the browser, then silently").hasValue(1);
        assertThat(Files.readString(signatures.resolve("Full.htm"))).contains("Best, " + name, "charset=utf-8",
                "data-SignatureFileInfo");
        assertThat(Files.readString(signatures.resolve("Short.htm"))).contains(name).doesNotContain("Best");
        byte[] text = Files.readAllBytes(signatures.resolve("Full.txt"));
        assertThat(new byte[] {text[0], text[1]}).as("UTF-16LE byte order mark").containsExactly(0xFF, 0xFE);
        assertThat(new String(Files.readAllBytes(reg), StandardCharsets.UTF_16LE))
                .startsWith("\uFEFFWindows Registry Editor Version 5.00");
        assertThat(first.json().get("installed")).extracting(i -> i.get("name").asString())
                .containsExactlyInAnyOrder("Full", "Short");
        assertThat(first.json().get("current").asBoolean()).isTrue();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json().get("changes")).isEmpty();
        assertThat(modified(temp)).as("the second run writes nothing").isEqualTo(written);

        String device = HostFacts.of(Map.of()).device();
        JsonNode checkIn = org.owner().get("/api/v1/delivery/agent-check-ins").expectStatus(200).json().get("items").get(0);
        assertThat(checkIn.get("device").asString()).isEqualTo(device);
        assertThat(checkIn.get("employee").get("email").asString()).isEqualToIgnoringCase(member);
        assertThat(checkIn.get("outlook").get("kind").asString()).isEqualTo("export");
        assertThat(checkIn.get("current").asBoolean()).isTrue();
        assertThat(org.owner().get("/api/v1/delivery").json().get("channels").get(0)
                .get("employeesWithCurrentSignature").asInt()).isEqualTo(1);
        theDeliveryPageShows(org, device);
    }

    private void theDeliveryPageShows(TestOrg org, String device) {
        String base = "http://127.0.0.1:" + port;
        try (Browser browser = Browser.start(1280, 2100)) {
            WebDriver page = browser.driver();
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(30));
            browser.signIn(base, org.ownerEmail(), TestOrganizations.PASSWORD);
            page.findElement(By.linkText("Delivery")).click();
            wait.until(ExpectedConditions.urlToBe(base + "/delivery"));

            WebElement row = page.findElement(By.cssSelector("#check-in-table .check-in-row"));
            assertThat(row.findElement(By.className("device")).getText()).isEqualTo(device);
            assertThat(row.getText()).contains("current");
            assertThat(page.findElement(By.cssSelector("#channel-agent .current-count")).getText()).isEqualTo("1");
            browser.screenshot("17-delivery-agent-check-in");
        }
    }

    /** The agent as deployed (only Signet's address set), trusting the simulator and signing in through its page. */
    private AgentWiring agentSigningInAs(String user, String password, AtomicInteger signInPages) {
        M365Simulator simulator = TENANT.simulator();
        String https = simulator.enableHttps(0);
        ScriptedSignIn browser = new ScriptedSignIn(simulator.tlsTrust().sslContext());
        return new AgentWiring(Map.of("SIGNET_AGENT_SERVER", "http://127.0.0.1:" + port,
                "SIGNET_AGENT_AUTHORITY", https + "/" + TENANT.tenantId() + "/",
                "SIGNET_AGENT_HOME", temp.resolve("agent-home").toString()))
                .forTests(simulator.tlsTrust().sslContext(), url -> {
                    signInPages.incrementAndGet();
                    browser.signIn(url, user, password);
                }, new MemoryTokenCache(), simulator.instanceDiscoveryResponse());
    }

    private static Run run(AgentWiring agent, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, agent, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String json = out.toString(StandardCharsets.UTF_8);
        return new Run(code, json.isBlank() ? null : JsonMapper.builder().build().readTree(json),
                err.toString(StandardCharsets.UTF_8) + json);
    }

    private static Map<String, FileTime> modified(Path root) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.toString().contains("agent-home")).toList()) {
                times.put(root.relativize(file).toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }
}
