package io.signet.agent.server;

import java.util.Objects;

/**
 * One rendered signature as Signet serves it: HTML with absolute image URLs and its plain-text twin.
 *
 * @param name    the name Outlook lists it under (the template's name, not yet made safe for a file name)
 * @param version the rendered signature's own version (changes with its HTML or text)
 */
public record Signature(Type type, String name, String html, String text, String version) {

    /** Which default it becomes: new messages, or replies and forwards. */
    public enum Type {
        NEW("new"), REPLY("reply");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        /** The wire form: {@code new} or {@code reply}. */
        public String code() {
            return code;
        }
    }

    public Signature {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(html, "html");
        text = text == null ? "" : text;
        Objects.requireNonNull(version, "version");
    }
}
