package io.signet.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A persistence test of Signet talking to the shared simulated Microsoft 365 tenant, configured exactly as it
 * would be for Microsoft. Every subclass gets the same Spring context (same properties), so it is cached.
 */
@PersistenceTest
public abstract class SimulatedTenantTest {

    protected static final SimulatedTenant TENANT = SimulatedTenant.shared();

    @DynamicPropertySource
    static void pointSignetAtTheSimulator(DynamicPropertyRegistry registry) {
        TENANT.configure(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestOrganizations organizations;
    @Autowired
    protected JdbcClient jdbc;
}
