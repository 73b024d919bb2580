package io.signet.signature;

/**
 * One placeholder a template may use: its name as written between {@code {{ }}}, what it shows, and
 * whether the HTML rendering turns it into a link ({@code tel:}, {@code mailto:} or the web address).
 */
public record Placeholder(String name, String description, boolean rendersAsLink) {
}
