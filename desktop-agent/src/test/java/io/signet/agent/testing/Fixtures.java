package io.signet.agent.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.signet.agent.plan.OutlookKeys;
import io.signet.agent.registry.RegKey;
import io.signet.agent.server.AgentSettings;
import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.AgentSettings.RoamingHandling;
import io.signet.agent.server.Image;
import io.signet.agent.server.Signature;
import io.signet.agent.server.SignatureSet;

/** Signature sets, images and Outlook profile keys shaped like the real ones, shared by the tests. */
public final class Fixtures {

    public static final String JANE = "jane.doe@contoso.example";
    public static final String OTHER = "shared@fabrikam.example";
    public static final URI LOGO = URI.create("https://signet.example.com/assets/logo.png");
    public static final URI PHOTO = URI.create("https://signet.example.com/assets/photo.jpg");
    public static final URI BANNER_SVG = URI.create("https://signet.example.com/assets/banner.svg");
    public static final URI MISSING = URI.create("https://signet.example.com/assets/gone.png");
    /** A real 1x1 PNG, so the bytes on disk are a picture Outlook could show. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    public static final byte[] JPG = "not really a jpeg, but bytes".getBytes(StandardCharsets.US_ASCII);

    private Fixtures() {
    }

    public static final String HTML = "<table style=\"color:#000000\"><tr><td><img src=\"" + LOGO
            + "\" width=\"120\" height=\"40\" alt=\"Contoso\"></td><td><p style=\"margin:0\"><b>Jane Doe</b> – Zoë"
            + " 🚀<br>Head of Sales &amp; R&amp;D</p></td></tr></table>";

    public static Signature full(Signature.Type type) {
        return new Signature(type, "Full", HTML, "Jane Doe – Zoë 🚀\nHead of Sales & R&D", "v1");
    }

    public static Signature signature(Signature.Type type, String name, String html, String version) {
        return new Signature(type, name, html, name + "\n" + version, version);
    }

    public static AgentSettings settings(ImageMode images, RoamingHandling roaming) {
        return new AgentSettings(Duration.ofMinutes(60), images, roaming);
    }

    public static SignatureSet set(AgentSettings settings, Signature... signatures) {
        return new SignatureSet("set-1", "Jane Doe", List.of(JANE), List.of(signatures), settings);
    }

    /** Full as new and reply, linked images, roaming left on with mailbox names (Signet's defaults). */
    public static SignatureSet standard() {
        return set(AgentSettings.DEFAULTS, full(Signature.Type.NEW), full(Signature.Type.REPLY));
    }

    public static Map<URI, Image> images() {
        return Map.of(LOGO, new Image(PNG, "image/png"), PHOTO, new Image(JPG, "image/jpeg"),
                BANNER_SVG, new Image("<svg/>".getBytes(StandardCharsets.UTF_8), "image/svg+xml"));
    }

    /** {@code HKCU\...\<ver>\Outlook\Profiles\<profile>\9375CFF0413111d3B88A00104B2A6676\<subkey>}. */
    public static RegKey accountKey(String version, String profile, String subkey) {
        return OutlookKeys.profiles(version).child(profile).child(OutlookKeys.ACCOUNTS).child(subkey);
    }
}
