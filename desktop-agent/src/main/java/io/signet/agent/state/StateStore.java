package io.signet.agent.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.signet.agent.server.Image;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps the agent's state ({@code agent-state.json}) and the last good answer from Signet with its images
 * ({@code last-good/}), so a 304 or an offline run can still finish an install (a profile Outlook created since).
 * Every file is replaced atomically; an unreadable state counts as a first run.
 */
public final class StateStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    public StateStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public AgentState load() {
        try {
            JsonNode node = JSON.readTree(Files.readString(dir.resolve("agent-state.json")));
            return new AgentState(instant(node, "lastAttempt"), instant(node, "lastSuccess"), text(node, "lastError"),
                    text(node, "signaturesVersion"), instant(node, "lastCheckIn"),
                    node.path("current").isBoolean() ? node.path("current").asBoolean() : null,
                    node.path("failuresInARow").asInt(0));
        } catch (IOException | RuntimeException e) {
            return AgentState.NEVER;
        }
    }

    public void save(AgentState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("lastAttempt", string(state.lastAttempt()));
        node.put("lastSuccess", string(state.lastSuccess()));
        node.put("lastError", state.lastError());
        node.put("signaturesVersion", state.signaturesVersion());
        node.put("lastCheckIn", string(state.lastCheckIn()));
        if (state.current() != null) {
            node.put("current", state.current());
        }
        node.put("failuresInARow", state.failuresInARow());
        write(dir.resolve("agent-state.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    /** The last answer that passed validation and was installed, as received. */
    public Optional<String> lastGoodAnswer() {
        Path answer = dir.resolve("last-good").resolve("signatures.json");
        try {
            return Files.exists(answer) ? Optional.of(Files.readString(answer)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Map<URI, Image> lastGoodImages() {
        Map<URI, Image> images = new LinkedHashMap<>();
        Path folder = dir.resolve("last-good");
        try {
            JsonNode index = JSON.readTree(Files.readString(folder.resolve("images.json")));
            for (var entry : index.properties()) {
                JsonNode image = entry.getValue();
                images.put(URI.create(entry.getKey()), new Image(Files.readAllBytes(folder.resolve(image.path("file")
                        .asString())), image.path("type").asString()));
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return images;
    }

    public void saveLastGood(String answerJson, Map<URI, Image> images) {
        Path folder = dir.resolve("last-good");
        ObjectNode index = JSON.createObjectNode();
        for (Map.Entry<URI, Image> image : images.entrySet()) {
            String file = sha256(image.getValue().bytes()) + ".img";
            write(folder.resolve(file), image.getValue().bytes());
            index.putObject(image.getKey().toString()).put("file", file).put("type", image.getValue().contentType());
        }
        write(folder.resolve("images.json"), JSON.writeValueAsBytes(index));
        write(folder.resolve("signatures.json"), answerJson.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                return;
            }
            Path temp = Files.createTempFile(file.getParent(), ".signet-", ".tmp");
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static String string(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
