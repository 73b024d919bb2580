package io.signet.signature;

/** A ready-made template an organisation can copy and use as it is. */
public record StarterTemplate(String key, String name, String description, String html, String text) {
}
