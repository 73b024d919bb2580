package io.signet.agent.registry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes registry changes as a {@code .reg} file in the {@code Windows Registry Editor Version 5.00} format, the one
 * regedit exports and imports: CRLF line ends, UTF-16LE with a byte-order mark (regedit writes version 5.00 files in
 * that encoding; the ANSI format is the older {@code REGEDIT4}), one {@code [HKEY_...]} section per key.
 */
public final class RegFile {

    static final String HEADER = "Windows Registry Editor Version 5.00";
    private static final String CRLF = "\r\n";
    // regedit breaks long hex values after about 80 characters, with "\" and a two-space indent.
    private static final int HEX_LINE = 77;

    private RegFile() {
    }

    /** One line of the file: a value to set, or ({@code value == null}) one to delete ({@code "Name"=-}). */
    public record Entry(RegKey key, String name, RegValue value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
        }

        public static Entry set(RegKey key, String name, RegValue value) {
            return new Entry(key, name, Objects.requireNonNull(value, "value"));
        }

        public static Entry delete(RegKey key, String name) {
            return new Entry(key, name, null);
        }
    }

    /** The file's text: the header, the {@code comments} as {@code ;} lines, then the entries grouped by key in first-seen order. */
    public static String render(List<String> comments, List<Entry> entries) {
        StringBuilder out = new StringBuilder(HEADER).append(CRLF).append(CRLF);
        for (String comment : comments) {
            for (String line : comment.split("\\R")) {
                out.append("; ").append(line).append(CRLF);
            }
        }
        if (!comments.isEmpty()) {
            out.append(CRLF);
        }
        Map<RegKey, List<Entry>> byKey = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
        }
        for (Map.Entry<RegKey, List<Entry>> section : byKey.entrySet()) {
            out.append('[').append(section.getKey()).append(']').append(CRLF);
            for (Entry entry : section.getValue()) {
                out.append(line(entry)).append(CRLF);
            }
            out.append(CRLF);
        }
        return out.toString();
    }

    /** The text as regedit stores it: UTF-16LE after the byte-order mark FF FE. */
    public static byte[] bytes(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        return ByteBuffer.allocate(body.length + 2).put((byte) 0xFF).put((byte) 0xFE).put(body).array();
    }

    static String line(Entry entry) {
        String name = quote(entry.name());
        RegValue value = entry.value();
        if (value == null) {
            return name + "=-";
        }
        if (value instanceof RegValue.Sz sz) {
            return name + "=" + quote(sz.value());
        }
        if (value instanceof RegValue.Dword dword) {
            return name + "=dword:" + String.format(Locale.ROOT, "%08x", dword.value());
        }
        if (value instanceof RegValue.ExpandSz expand) {
            byte[] text = (expand.value() + "\0").getBytes(StandardCharsets.UTF_16LE);
            return hex(name + "=hex(2):", text);
        }
        return hex(name + "=hex:", ((RegValue.Binary) value).value());
    }

    /** A quoted string with the two escapes regedit knows: backslash and double quote. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String hex(String prefix, byte[] bytes) {
        StringBuilder out = new StringBuilder(prefix);
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            out.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
            if (i < bytes.length - 1) {
                out.append(',');
                if (out.length() - lineStart > HEX_LINE) {
                    out.append('\\').append(CRLF).append("  ");
                    lineStart = out.length() - 2;
                }
            }
        }
        return out.toString();
    }
}
