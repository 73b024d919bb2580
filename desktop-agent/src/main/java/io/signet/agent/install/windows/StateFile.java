package io.signet.agent.install.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.signet.agent.plan.InstallState;
import io.signet.agent.plan.RememberedValue;
import io.signet.agent.registry.RegKey;
import io.signet.agent.registry.RegValue;
import io.signet.agent.registry.ValueRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code install-state.json} in the agent's state folder: the registry values Signet replaced (to put back on
 * uninstall) and the files it wrote. Written only when it changes, so a run with nothing to do writes nothing.
 */
public final class StateFile {

    public static final String NAME = "install-state.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public StateFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The remembered state, or the empty state before the first install. */
    public InstallState read() {
        if (!Files.exists(file)) {
            return InstallState.EMPTY;
        }
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    /** Saves the state when it differs from what is stored; answers whether it wrote. */
    public boolean write(InstallState state) {
        String json = toJson(state);
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(json)) {
                return false;
            }
            Files.createDirectories(file.getParent());
            SignatureFolderFiles.replace(file, json.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static String toJson(InstallState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode values = root.putArray("values");
        for (RememberedValue value : state.values()) {
            ObjectNode node = values.addObject();
            node.put("hive", value.ref().key().hive().name());
            node.put("key", value.ref().key().path());
            node.put("name", value.ref().name());
            node.set("original", value.original() == null ? JSON.getNodeFactory().nullNode() : typed(value.original()));
            node.set("written", typed(value.written()));
        }
        ArrayNode files = root.putArray("files");
        state.files().forEach(files::add);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    static InstallState fromJson(String json) {
        JsonNode root = JSON.readTree(json);
        List<RememberedValue> values = new ArrayList<>();
        for (JsonNode node : root.path("values")) {
            RegKey key = new RegKey(RegKey.Hive.valueOf(node.path("hive").asString()), node.path("key").asString());
            JsonNode original = node.path("original");
            values.add(new RememberedValue(new ValueRef(key, node.path("name").asString()),
                    original.isNull() || original.isMissingNode() ? null : value(original), value(node.path("written"))));
        }
        List<String> files = new ArrayList<>();
        root.path("files").forEach(f -> files.add(f.asString()));
        return new InstallState(values, files);
    }

    private static ObjectNode typed(RegValue value) {
        ObjectNode node = JSON.createObjectNode();
        if (value instanceof RegValue.Sz sz) {
            node.put("type", "REG_SZ").put("data", sz.value());
        } else if (value instanceof RegValue.ExpandSz expand) {
            node.put("type", "REG_EXPAND_SZ").put("data", expand.value());
        } else if (value instanceof RegValue.Dword dword) {
            node.put("type", "REG_DWORD").put("data", Integer.toUnsignedString(dword.value()));
        } else {
            node.put("type", "REG_BINARY").put("data", HexFormat.of().formatHex(((RegValue.Binary) value).value()));
        }
        return node;
    }

    private static RegValue value(JsonNode node) {
        String data = node.path("data").asString();
        return switch (node.path("type").asString()) {
            case "REG_SZ" -> new RegValue.Sz(data);
            case "REG_EXPAND_SZ" -> new RegValue.ExpandSz(data);
            case "REG_DWORD" -> new RegValue.Dword(Integer.parseUnsignedInt(data));
            case "REG_BINARY" -> new RegValue.Binary(HexFormat.of().parseHex(data));
            default -> throw new IllegalArgumentException("unknown registry type in " + NAME + ": " + node);
        };
    }
}
