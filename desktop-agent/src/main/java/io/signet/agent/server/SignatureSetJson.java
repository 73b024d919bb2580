package io.signet.agent.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.signet.agent.server.AgentSettings.ImageMode;
import io.signet.agent.server.AgentSettings.RoamingHandling;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks Signet's {@code /api/v1/me/signatures} answer. Anything that breaks the contract is an
 * {@link InvalidAnswerException}: the agent then installs nothing and keeps what it installed before.
 */
final class SignatureSetJson {

    static final int MAX_NAME = 128;
    static final int MAX_HTML = 1_000_000;
    private static final Pattern MAILBOX = Pattern.compile("[^\\s@<>\"]{1,64}@[^\\s@<>\"]{1,255}");

    private SignatureSetJson() {
    }

    static SignatureSet read(JsonNode answer) {
        String version = text(answer, "version", 200);
        String employeeName = answer.path("employee").path("displayName").asString("");
        List<String> mailboxes = new ArrayList<>();
        for (JsonNode mailbox : answer.path("mailboxes")) {
            String address = mailbox.asString("").trim();
            if (!MAILBOX.matcher(address).matches()) {
                throw new InvalidAnswerException("A mailbox address is not an email address: '" + address + "'");
            }
            mailboxes.add(address);
        }
        List<Signature> signatures = new ArrayList<>();
        Set<Signature.Type> seen = EnumSet.noneOf(Signature.Type.class);
        for (JsonNode node : answer.path("signatures")) {
            Signature signature = signature(node);
            if (!seen.add(signature.type())) {
                throw new InvalidAnswerException("Two signatures of type " + signature.type().code());
            }
            signatures.add(signature);
        }
        return new SignatureSet(version, employeeName, mailboxes, signatures, settings(answer.path("agent")));
    }

    private static Signature signature(JsonNode node) {
        String type = text(node, "type", 16);
        Signature.Type parsed = switch (type) {
            case "new" -> Signature.Type.NEW;
            case "reply" -> Signature.Type.REPLY;
            default -> throw new InvalidAnswerException("Unknown signature type '" + type + "'");
        };
        String name = text(node, "name", MAX_NAME).trim();
        String html = text(node, "html", MAX_HTML);
        String plain = node.path("text").asString("");
        if (plain.length() > MAX_HTML) {
            throw new InvalidAnswerException("The " + type + " signature's text is too long");
        }
        return new Signature(parsed, name, html, plain, text(node, "version", 200));
    }

    private static AgentSettings settings(JsonNode agent) {
        if (agent.isMissingNode() || agent.isNull()) {
            return AgentSettings.DEFAULTS;
        }
        int minutes = agent.path("syncIntervalMinutes").asInt(60);
        if (minutes < 5 || minutes > 7 * 24 * 60) {
            throw new InvalidAnswerException("The sync interval of " + minutes + " minutes is out of range");
        }
        ImageMode images = switch (agent.path("images").asString("linked")) {
            case "linked" -> ImageMode.LINKED;
            case "embedded" -> ImageMode.EMBEDDED;
            default -> throw new InvalidAnswerException("Unknown image setting '" + agent.path("images").asString() + "'");
        };
        RoamingHandling roaming = switch (agent.path("roaming").asString("mailbox-names")) {
            case "mailbox-names" -> RoamingHandling.MAILBOX_NAMES;
            case "turn-off" -> RoamingHandling.TURN_OFF;
            default -> throw new InvalidAnswerException("Unknown roaming setting '" + agent.path("roaming").asString() + "'");
        };
        return new AgentSettings(Duration.ofMinutes(minutes), images, roaming);
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new InvalidAnswerException("The answer has no " + field);
        }
        if (value.asString().length() > max) {
            throw new InvalidAnswerException("The answer's " + field + " is longer than " + max + " characters");
        }
        return value.asString();
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
