package io.signet.agent.plan;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.Signature;
import io.signet.agent.testing.Fixtures;
import io.signet.agent.testing.Golden;

/**
 * The {@code .htm} and {@code .txt} of one signature, byte for byte, compared with src/test/resources/golden.
 * Regenerate with -Dsignet.golden.update=true after a deliberate change (see {@link Golden}) and review the diff.
 */
class SignatureFilesGoldenTest {

    static SignatureFiles.Rendered rendered() {
        return SignatureFiles.render(Fixtures.full(Signature.Type.NEW), "Full", Fixtures.images(), ImageMode.LINKED);
    }

    @Test
    void theHtmIsTheGoldenOne() {
        Golden.assertMatches("Full.htm", rendered().files().get("Full.htm"), StandardCharsets.UTF_8);
    }

    @Test
    void theTxtIsTheGoldenOneByteForByte() {
        Golden.assertMatches("Full.txt", rendered().files().get("Full.txt"), StandardCharsets.UTF_16LE);
    }
}
