package io.signet.sync.generative;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.signet.SignetApplication;
import io.signet.m365sim.Scenario;
import io.signet.sync.internal.run.RunWorkers;
import io.signet.testing.OneSyncQueueWorkerPerTest;
import io.signet.testing.SimulatedTenant;
import io.signet.testing.TestDatabaseConfiguration;
import io.signet.testing.TestOrganizations;
import io.signet.testing.TestOrganizations.TestOrg;

/**
 * Signet and a Microsoft 365 tenant of its own for the generative suite. jqwik properties get no Spring
 * injection, so the server is started here with the properties of the tests' context (profile "test", the
 * database the failsafe execution names in system properties) and kept for the JVM. The tenant is not the
 * shared one: the suite empties it before each generated tenant, which would pull the rug from other tests.
 */
final class GenerativeSignet {

    private static GenerativeSignet started;

    private final SimulatedTenant tenant;
    private final ConfigurableApplicationContext context;
    private final int port;

    private GenerativeSignet() {
        this.tenant = SimulatedTenant.start();
        // A few users a page: a first round spans pages, so it is planned and applied while it is read (managers,
        // shared addresses and repeated users pages apart).
        tenant.scenario().setDeltaPageSize(3);
        Map<String, Object> properties = new HashMap<>();
        tenant.configure(new DynamicPropertyRegistry() {
            @Override
            public void add(String name, Supplier<Object> value) {
                properties.put(name, value.get());
            }
        });
        properties.put("server.port", "0");
        this.context = new SpringApplicationBuilder(SignetApplication.class, TestDatabaseConfiguration.class,
                TestOrganizations.class).profiles("test")
                // As arguments, so that they win over application-test.yml as the tests' dynamic properties do.
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        System.out.printf("[signet] generative suite: Signet on port %d, database %s%n", port,
                System.getProperty("signet.test.database", "h2"));
    }

    static synchronized GenerativeSignet get() {
        if (started == null) {
            started = new GenerativeSignet();
        }
        // This Signet shares the test database with the cached test contexts: only one of them claims sync runs.
        OneSyncQueueWorkerPerTest.activate(started.context.getBean(RunWorkers.class));
        return started;
    }

    int port() {
        return port;
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    Scenario scenario() {
        return tenant.scenario();
    }

    String domain() {
        return tenant.simulator().domain();
    }

    String adminUsername() {
        return tenant.adminUsername();
    }

    /** A new organisation connected to the tenant (which drops any earlier organisation's connection). */
    TestOrg connectedOrganisation() {
        TestOrg org = context.getBean(TestOrganizations.class).create(port);
        tenant.connect(port, org, jdbc());
        return org;
    }
}
