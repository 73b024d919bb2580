package io.signet.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.signet.testing.AddedTenant;
import io.signet.testing.ApiClient;
import io.signet.testing.SignetInstance;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.TestOrganizations;

/**
 * PostgreSQL restarted in the middle of a sync, on a cluster this test owns: the run ends failed with a clear
 * reason or is resumed, never half-applies a batch, the next run converges, and the server recovers by itself
 * (its health goes DOWN and UP again, no restart).
 */
class DatabaseRestartIT {

    @Test
    void aDatabaseRestartDuringARunLeavesNoHalfBatchTheNextRunConvergesAndHealthRecoversWithoutARestart() {
        try (OwnPostgres postgres = OwnPostgres.start(); SimulatedTenantHolder microsoft = new SimulatedTenantHolder();
                SignetInstance signet = SignetInstance.start("restart", postgres.url(), microsoft.tenant,
                        Map.of("signet.sync.run-stale-after", "PT20S", "spring.datasource.hikari.connection-timeout", "2000"))
                        .awaitReady(Duration.ofMinutes(3))) {
            JdbcClient db = JdbcClient.create(new DriverManagerDataSource(postgres.url(), "postgres", ""));
            AddedTenant tenant = microsoft.tenant.newTenant("restart");
            tenant.scenario().addGeneratedUsers(4_000, 44);
            String email = "owner-restart@example.com";
            ApiClient anonymous = ApiClient.anonymous(signet.port());
            ApiClient.Response created = anonymous.post("/api/v1/organizations", "{\"name\":\"Restart\",\"ownerEmail\":\""
                    + email + "\",\"ownerPassword\":\"" + TestOrganizations.PASSWORD + "\"}").expectStatus(201);
            UUID orgId = UUID.fromString(created.json().get("organization").get("id").asString());
            db.sql("UPDATE organization SET seat_limit = 100000 WHERE id = :o").param("o", orgId).update();
            ApiClient owner = anonymous.withBasic(email, TestOrganizations.PASSWORD);
            tenant.connect(signet.port(), new TestOrganizations.TestOrg(orgId,
                    UUID.fromString(created.text("ownerId")), email, owner));
            String runId = owner.post("/api/v1/microsoft365/syncs", "{}").expectStatus(202).id();
            await(Duration.ofMinutes(2), () -> {
                Map<String, Object> run = db.sql("SELECT phase, processed FROM sync_run WHERE id = :id")
                        .param("id", UUID.fromString(runId)).query().singleRow();
                return "apply".equals(run.get("phase")) && ((Number) run.get("processed")).intValue() > 0;
            }, "the run to be applying", signet);

            postgres.stopServer();
            await(Duration.ofSeconds(30), () -> signet.health() == 503, "health to go DOWN", signet);
            postgres.startServer();
            await(Duration.ofSeconds(60), () -> signet.health() == 200, "health to come back UP", signet);

            await(Duration.ofMinutes(2), () -> !"running".equals(owner.get("/api/v1/microsoft365/syncs/" + runId)
                    .text("status")), "the interrupted run to end (failed or resumed)", signet);
            var interrupted = owner.get("/api/v1/microsoft365/syncs/" + runId).json();
            if (interrupted.get("status").asString().equals("failed")) {
                assertThat(interrupted.get("error").asString()).contains("database could not be reached");
            }
            String next = owner.post("/api/v1/microsoft365/syncs", "{}").expectStatus(202).id();
            await(Duration.ofMinutes(2), () -> !"running".equals(owner.get("/api/v1/microsoft365/syncs/" + next)
                    .text("status")), "the next run to finish", signet);

            assertThat(owner.get("/api/v1/microsoft365/syncs/" + next).text("status")).isEqualTo("succeeded");
            long employees = db.sql("SELECT COUNT(*) FROM employee WHERE org_id = :o AND status = 'active'")
                    .param("o", orgId).query(Long.class).single();
            assertThat(employees).isEqualTo(tenant.scenario().users().stream()
                    .filter(u -> u.get("accountEnabled") == null || u.get("accountEnabled").asBoolean())
                    .filter(u -> "Member".equals(u.text("userType"))).count());
            assertThat(db.sql("SELECT COUNT(DISTINCT m365_object_id) FROM employee WHERE org_id = :o")
                    .param("o", orgId).query(Long.class).single()).isEqualTo(employees);
            System.out.println("[database-restart] interrupted run: " + interrupted.get("status").asString()
                    + "; next run: " + owner.get("/api/v1/microsoft365/syncs/" + next).json().get("counts"));
        }
    }

    /** The simulator, closed with the test. */
    private static final class SimulatedTenantHolder implements AutoCloseable {
        final SimulatedTenant tenant = SimulatedTenant.start();

        @Override
        public void close() {
            tenant.simulator().close();
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what, SignetInstance signet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // the database or the server is between states
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited " + timeout + " for " + what + "\n" + signet.tail());
    }
}
