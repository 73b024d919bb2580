package io.signet.agent.registry;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** A typed registry value: the four types the agent reads (REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_BINARY). */
public sealed interface RegValue {

    /** The value as text where it holds text: strings as they are, binary as UTF-16LE up to its first NUL. */
    Optional<String> text();

    /** REG_SZ. */
    record Sz(String value) implements RegValue {
        public Sz {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> text() {
            return Optional.of(value);
        }
    }

    /** REG_EXPAND_SZ, unexpanded. */
    record ExpandSz(String value) implements RegValue {
        public ExpandSz {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<String> text() {
            return Optional.of(value);
        }
    }

    /** REG_DWORD. */
    record Dword(int value) implements RegValue {
        @Override
        public Optional<String> text() {
            return Optional.empty();
        }
    }

    /** REG_BINARY; compared by content, unlike a plain record holding an array. */
    record Binary(byte[] value) implements RegValue {
        public Binary {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** Older Outlook keeps names as UTF-16LE text with a NUL terminator; this reads such text back. */
        @Override
        public Optional<String> text() {
            String decoded = new String(value, 0, value.length - value.length % 2, StandardCharsets.UTF_16LE);
            int nul = decoded.indexOf('\0');
            return Optional.of(nul < 0 ? decoded : decoded.substring(0, nul));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Binary binary && Arrays.equals(binary.value, value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Binary[" + HexFormat.of().formatHex(value) + "]";
        }
    }

    static RegValue sz(String value) {
        return new Sz(value);
    }

    static RegValue dword(int value) {
        return new Dword(value);
    }

    /** The form older Outlook versions expect for text in binary values: UTF-16LE plus a two-byte NUL. */
    static RegValue utf16Binary(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_16LE);
        return new Binary(Arrays.copyOf(text, text.length + 2));
    }

    /** The value in words, for reasons and change lists. */
    static String describe(RegValue value) {
        if (value instanceof Sz sz) {
            return "REG_SZ \"" + sz.value() + "\"";
        }
        if (value instanceof ExpandSz expand) {
            return "REG_EXPAND_SZ \"" + expand.value() + "\"";
        }
        if (value instanceof Dword dword) {
            return "REG_DWORD " + Integer.toUnsignedString(dword.value());
        }
        return "REG_BINARY \"" + value.text().orElse("") + "\" (UTF-16LE)";
    }
}
