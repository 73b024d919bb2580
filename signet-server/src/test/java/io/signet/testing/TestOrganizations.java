package io.signet.testing;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.signet.organization.Organizations;
import io.signet.organization.Plan;

/** Creates a fresh organisation with its owner for each test, so that tests never share data. */
@Component
public class TestOrganizations {

    public static final String PASSWORD = "correct-horse-battery";

    /** An organisation and an API client signed in as its owner. */
    public record TestOrg(UUID orgId, UUID ownerId, String ownerEmail, ApiClient owner) {
    }

    private final Organizations organizations;

    TestOrganizations(Organizations organizations) {
        this.organizations = organizations;
    }

    public TestOrg create(int port) {
        return create(port, Plan.BUSINESS);
    }

    public TestOrg create(int port, Plan plan) {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        Organizations.Created created = organizations.create("Org " + email, plan, email, PASSWORD);
        return new TestOrg(created.organization().id(), created.ownerId(), email,
                ApiClient.anonymous(port).withBasic(email, PASSWORD));
    }
}
