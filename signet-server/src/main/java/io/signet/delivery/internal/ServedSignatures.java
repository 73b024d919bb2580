package io.signet.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.signet.delivery.AgentCheckIn;
import io.signet.delivery.AgentSettings;
import io.signet.directory.Employee;
import io.signet.signature.RenderedSignature;
import io.signet.signature.SignatureRenderer;
import io.signet.signature.SignatureTemplates;
import io.signet.signature.SignatureType;

/**
 * The signatures Signet serves an employee now, for the desktop agent: rendered afresh (no cache, so a changed
 * template shows at once; the agent asks about once an hour), each with the name of its template. The report
 * compares what agents installed with these versions.
 */
@Component
public class ServedSignatures {

    /** One available signature: its type, template name, bodies and version. */
    public record Served(SignatureType type, String name, String html, String text, String version) {
    }

    private final SignatureRenderer renderer;
    private final SignatureTemplates templates;

    ServedSignatures(SignatureRenderer renderer, SignatureTemplates templates) {
        this.renderer = renderer;
        this.templates = templates;
    }

    /** The available signatures, new before reply; a type no template applies to is absent. */
    public List<Served> of(UUID orgId, UUID employeeId) {
        List<Served> served = new ArrayList<>();
        for (SignatureType type : SignatureType.values()) {
            RenderedSignature signature = renderer.renderFor(orgId, employeeId, type);
            if (!signature.isNone()) {
                served.add(new Served(type, templates.get(orgId, signature.templateId()).name(), signature.html(),
                        signature.text(), signature.version()));
            }
        }
        return served;
    }

    /** Type code to version of each available signature: what an agent must have installed to be current. */
    public static Map<String, String> versions(List<Served> served) {
        Map<String, String> versions = new LinkedHashMap<>();
        served.forEach(s -> versions.put(s.type().code(), s.version()));
        return versions;
    }

    /**
     * Whether installed signatures are exactly the served ones: the same version for every type Signet serves, and
     * nothing installed of a type it does not serve.
     */
    public static boolean isCurrent(List<AgentCheckIn.Installed> installed, Map<String, String> served) {
        Map<String, String> have = new LinkedHashMap<>();
        installed.forEach(i -> have.put(i.type(), i.version()));
        return have.equals(served);
    }

    /** {@link #versions} per employee of one organisation, each rendered once for the caller's lifetime. */
    public Function<UUID, Map<String, String>> versionsOnce(UUID orgId) {
        Map<UUID, Map<String, String>> known = new HashMap<>();
        return employeeId -> known.computeIfAbsent(employeeId, id -> versions(of(orgId, id)));
    }

    /**
     * The version the add-in's API serves for a From address of a kind ({@code own}, {@code shared-mailbox},
     * {@code unknown}) whose signature has version {@code base}: it differs between kinds and addresses.
     */
    public static String fromVersion(String kind, String addressKey, String base) {
        return hash(kind + "\0" + addressKey + "\0" + base);
    }

    /** The version of the whole {@code /me/signatures} answer: changes when anything in it changes. */
    static String versionOf(Employee employee, List<String> mailboxes, List<Served> served, AgentSettings settings) {
        StringBuilder content = new StringBuilder()
                .append(employee.data().displayName()).append('\0').append(employee.data().email()).append('\0')
                .append(String.join(",", mailboxes)).append('\0')
                .append(settings.syncIntervalMinutes()).append('|').append(settings.images()).append('|')
                .append(settings.roaming());
        served.forEach(s -> content.append('\0').append(s.type().code()).append('|').append(s.name()).append('|')
                .append(s.version()));
        return hash(content.toString());
    }

    private static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
