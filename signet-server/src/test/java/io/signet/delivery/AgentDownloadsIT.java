package io.signet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.signet.testing.ApiClient;
import io.signet.testing.ApiClient.Response;
import io.signet.testing.PersistenceTest;

/**
 * The desktop agent's downloads, public: a bundled file is served (the guide, docs/desktop-agent.md, is always bundled),
 * a file this build does not bundle is a 404 problem that says so.
 */
@PersistenceTest
class AgentDownloadsIT {

    @LocalServerPort
    int port;
    @Autowired
    AgentDownloads downloads;

    @Test
    void aBundledFileIsServedWithoutSigningInWithItsContentType() {
        Response guide = ApiClient.anonymous(port).get("/downloads/desktop-agent.md");

        assertThat(guide.status()).isEqualTo(200);
        assertThat(guide.contentType()).startsWith("text/markdown");
        assertThat(guide.body()).contains("# Signet Agent", "--signatures-dir");
    }

    @Test
    void theJarIsAnAttachmentWhenBundledAndOtherwiseA404ProblemSayingItIsNotBundled() {
        boolean bundled = downloads.all().stream().anyMatch(d -> d.file().equals("signet-agent.jar") && d.available());

        Response jar = ApiClient.anonymous(port).get("/downloads/signet-agent.jar");

        if (bundled) {
            assertThat(jar.status()).isEqualTo(200);
            assertThat(jar.contentType()).isEqualTo("application/java-archive");
            assertThat(jar.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
                    .contains("signet-agent.jar");
        } else {
            assertThat(jar.status()).isEqualTo(404);
            assertThat(jar.isProblem()).isTrue();
            assertThat(jar.json().get("type").asString()).isEqualTo("/problems/not-found");
            assertThat(jar.json().get("detail").asString()).contains("not bundled in this build");
        }
    }

    @Test
    void anUnknownFileIsA404Problem() {
        Response unknown = ApiClient.anonymous(port).get("/downloads/secrets.txt");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }
}
