package io.signet.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.signet.organization.Organizations;
import io.signet.testing.ApiClient;
import io.signet.testing.PersistenceTest;

/** First start of an empty installation. Empties the database first: the other tests never rely on its data. */
@PersistenceTest
@ExtendWith(OutputCaptureExtension.class)
class BootstrapOrganizationIT {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyInstallation() {
        jdbc.sql("DELETE FROM organization").update();
    }

    @Test
    void withoutAConfiguredPasswordTheOwnerGetsAGeneratedOneLoggedOnlyOnce(CapturedOutput output) {
        BootstrapOrganization bootstrap = new BootstrapOrganization(organizations,
                new BootstrapOrganization.Settings(null, null, null, null));

        bootstrap.run(null);
        Matcher logged = Pattern.compile("Generated password \\(shown only this once\\): (\\S+)").matcher(output.getOut());
        assertThat(logged.find()).isTrue();
        String password = logged.group(1);

        ApiClient owner = ApiClient.anonymous(port).withBasic("admin@example.com", password);
        assertThat(owner.get("/api/v1/organization").text("name")).isEqualTo("My organisation");
        assertThat(owner.get("/api/v1/organization").text("plan")).isEqualTo("business");

        bootstrap.run(null);
        assertThat(output.getOut().split("Generated password", -1)).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void configuredOwnerCredentialsAreUsedAndThePasswordIsNeverLogged(CapturedOutput output) {
        new BootstrapOrganization(organizations, new BootstrapOrganization.Settings("it@example.org",
                "configured-secret-pw", "Example Org", "enterprise")).run(null);

        assertThat(output.getAll()).doesNotContain("configured-secret-pw");
        ApiClient owner = ApiClient.anonymous(port).withBasic("it@example.org", "configured-secret-pw");
        assertThat(owner.get("/api/v1/organization").text("plan")).isEqualTo("enterprise");
        assertThat(owner.get("/api/v1/admins").json().get(0).get("role").asString()).isEqualTo("owner");
    }
}
