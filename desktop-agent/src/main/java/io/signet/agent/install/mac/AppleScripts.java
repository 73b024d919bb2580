package io.signet.agent.install.mac;

import java.util.LinkedHashMap;
import java.util.Map;

/** The AppleScript texts that drive classic Outlook for Mac's signatures, with strings escaped as AppleScript needs. */
public final class AppleScripts {

    static final String OUTLOOK = "tell application \"Microsoft Outlook\"\n";
    static final String END = "end tell\n";
    static final String PROBE_NAME = "Signet scripting check";
    /** Text every Signet signature carries (the marker span); deletes and updates are limited to those. */
    static final String MARKER_TEXT = "Signet signature ";
    private static final char UNIT = '\u001F';
    private static final char RECORD = '\u001E';

    private AppleScripts() {
    }

    /** A string literal: backslash and quote escaped, line breaks joined in as {@code linefeed} and {@code return}. */
    public static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\" & linefeed & \"");
                case '\r' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        out.append("\" & return & linefeed & \"");
                        i++;
                    } else {
                        out.append("\" & return & \"");
                    }
                }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Answers {@code 1} when new Outlook for Mac is running the show (it does not expose signatures to scripts). */
    public static String isNewOutlook() {
        return "try\n\treturn do shell script \"defaults read com.microsoft.Outlook IsRunningNewOutlook\"\n"
                + "on error\n\treturn \"0\"\nend try\n";
    }

    /** Creates and deletes a throw-away signature: the only sure test that signatures can be scripted. */
    public static String probe() {
        return OUTLOOK + "\tset probe to make new signature with properties {name:" + literal(PROBE_NAME)
                + ", content:" + literal("<p>" + PROBE_NAME + "</p>") + "}\n\tdelete probe\n" + END;
    }

    /** Every signature as name, unit separator, content, record separator. */
    public static String list() {
        return OUTLOOK + "\tset output to \"\"\n\trepeat with s in (get every signature)\n"
                + "\t\tset output to output & (name of s) & (character id 31) & (content of s) & (character id 30)\n"
                + "\tend repeat\n\treturn output\n" + END;
    }

    public static String make(String name, String html) {
        return OUTLOOK + "\tmake new signature with properties {name:" + literal(name) + ", content:" + literal(html)
                + "}\n" + END;
    }

    /** Replaces the content of Signet's signature {@code name} (never one without the marker). */
    public static String setContent(String name, String html) {
        return OUTLOOK + "\tset content of (first signature whose name is " + literal(name) + " and content contains "
                + literal(MARKER_TEXT) + ") to " + literal(html) + "\n" + END;
    }

    /** Deletes Signet's signatures named {@code name} (never one without the marker). */
    public static String delete(String name) {
        return OUTLOOK + "\tdelete (every signature whose name is " + literal(name) + " and content contains "
                + literal(MARKER_TEXT) + ")\n" + END;
    }

    /** Reads what {@link #list()} returned: name to content, in Outlook's order. */
    public static Map<String, String> parseList(String output) {
        Map<String, String> signatures = new LinkedHashMap<>();
        for (String record : output.split(String.valueOf(RECORD))) {
            int unit = record.indexOf(UNIT);
            if (unit >= 0) {
                signatures.putIfAbsent(record.substring(0, unit), record.substring(unit + 1));
            }
        }
        return signatures;
    }
}
