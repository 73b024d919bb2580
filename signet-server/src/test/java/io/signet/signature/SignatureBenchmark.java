package io.signet.signature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.directory.EmployeeData;
import io.signet.directory.EmployeeStatus;
import io.signet.directory.Employees;
import io.signet.organization.Plan;
import io.signet.testing.PersistenceTest;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * Rendering throughput in process with 10,000 employees (the endpoint's latency under load is measured from a
 * separate process: {@code bin/benchmark signature}). Not a test (its name matches
 * neither *Test nor *IT): run it with
 * {@code mvn -pl signet-server verify -Dit.test=SignatureBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to target/benchmarks/signature.txt.
 */
@Tag("benchmark")
@PersistenceTest
class SignatureBenchmark {

    static final int EMPLOYEES = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    TestOrganizations organizations;
    @Autowired
    Employees employees;
    @Autowired
    SignatureRenderer renderer;

    @Test
    void measure() throws Exception {
        TestOrg org = organizations.create(port, Plan.ENTERPRISE);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < EMPLOYEES; i++) {
            ids.add(employees.create(org.orgId(), new EmployeeData("e" + i + "@bench.example", "First" + i, "Last" + i,
                    "First" + i + " Last" + i, "Engineer " + i, null, "Contoso", "+49 30 1234-" + i, "+49 170 " + i,
                    null, "Street " + i, "10117", "Berlin", null, "Germany", "HQ", null, null, null,
                    java.util.Map.of("costCenter", "CC" + i)), EmployeeStatus.ACTIVE, false).id());
        }
        String template = org.owner().post("/api/v1/signature-templates/from-starter", "{\"starter\":\"classic\"}").id();
        org.owner().post("/api/v1/signature-assignments", "{\"scope\":\"default\",\"type\":\"new\",\"templateId\":\"" + template + "\"}");
        StringBuilder report = new StringBuilder("Signature benchmark, " + EMPLOYEES + " employees, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("signet.test.database") + "\n");

        for (int warm = 0; warm < 2; warm++) {
            long start = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
                renderer.renderFor(org.orgId(), ids.get(n++ % EMPLOYEES), SignatureType.NEW);
            }
            double perSecond = n / ((System.nanoTime() - start) / 1e9);
            report.append(warm == 0 ? "" : String.format("renderFor (one thread, in process, incl. database reads): %.0f renders/s%n", perSecond));
        }

        Path out = Path.of("target/benchmarks/signature.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }
}
