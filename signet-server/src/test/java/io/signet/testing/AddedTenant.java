package io.signet.testing;

import io.signet.m365sim.Scenario;

/**
 * A tenant of its own on the shared simulator ({@link SimulatedTenant#newTenant}), for a test whose organisations
 * must each be fed by a different Microsoft 365 tenant. Its people, groups and consent are its own.
 */
public final class AddedTenant {

    private final SimulatedTenant simulator;
    private final Scenario scenario;
    private final String adminUsername;
    private final String adminPassword;

    AddedTenant(SimulatedTenant simulator, Scenario scenario, String adminUsername, String adminPassword) {
        this.simulator = simulator;
        this.scenario = scenario;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    public String tenantId() {
        return scenario.tenantId();
    }

    public String domain() {
        return scenario.domain();
    }

    /** Changes this tenant only: its users, groups, photos and consent. */
    public Scenario scenario() {
        return scenario;
    }

    /** The tenant's Global Administrator, who may consent for it. */
    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /**
     * Connects the organisation to this tenant through Signet's real flow: "Connect" in the console, this tenant's
     * administrator consenting at Microsoft's {@code organizations} endpoint, back to Signet.
     */
    public void connect(int port, TestOrganizations.TestOrg org) {
        simulator.connect(port, org, adminUsername, adminPassword);
    }
}
