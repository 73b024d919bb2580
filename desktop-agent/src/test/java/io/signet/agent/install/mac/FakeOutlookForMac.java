package io.signet.agent.install.mac;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classic Outlook for Mac as the agent's scripts see it: it records every script and understands exactly the scripts
 * {@link AppleScripts} writes, reading their string literals back (which also checks the escaping).
 */
final class FakeOutlookForMac implements OsaScript {

    final Map<String, String> signatures = new LinkedHashMap<>();
    final List<String> scripts = new ArrayList<>();
    boolean newOutlook;
    boolean scriptable = true;

    @Override
    public String run(String script) {
        scripts.add(script);
        if (script.contains("IsRunningNewOutlook")) {
            return newOutlook ? "1" : "0";
        }
        if (script.contains(AppleScripts.PROBE_NAME)) {
            if (!scriptable) {
                throw new Failed("Not authorized to send Apple events to Microsoft Outlook. (-1743)");
            }
            return "";
        }
        if (script.contains("repeat with s in")) {
            StringBuilder out = new StringBuilder();
            signatures.forEach((name, content) -> out.append(name).append('\u001F').append(content).append('\u001E'));
            return out.toString();
        }
        if (script.contains("make new signature")) {
            signatures.put(literalAfter(script, "name:"), literalAfter(script, "content:"));
        } else if (script.contains("set content of")) {
            String name = literalAfter(script, "whose name is ");
            if (signatures.containsKey(name) && signatures.get(name).contains(AppleScripts.MARKER_TEXT)) {
                signatures.put(name, literalAfter(script, ") to "));
            }
        } else if (script.contains("delete (every signature")) {
            String name = literalAfter(script, "whose name is ");
            if (signatures.containsKey(name) && signatures.get(name).contains(AppleScripts.MARKER_TEXT)) {
                signatures.remove(name);
            }
        } else {
            throw new Failed("the fake does not know this script: " + script);
        }
        return "";
    }

    /** Scripts that changed a signature (made, set or deleted one). */
    List<String> changingScripts() {
        return scripts.stream().filter(s -> s.contains("make new signature") && !s.contains(AppleScripts.PROBE_NAME)
                || s.contains("set content of") || s.contains("delete (every")).toList();
    }

    /** Reads the AppleScript string expression starting right after {@code marker}. */
    static String literalAfter(String script, String marker) {
        int at = script.indexOf(marker) + marker.length();
        StringBuilder out = new StringBuilder();
        while (true) {
            if (script.charAt(at) != '"') {
                throw new IllegalStateException("no literal at " + at + ": " + script);
            }
            at++;
            while (script.charAt(at) != '"') {
                char c = script.charAt(at);
                if (c == '\\') {
                    at++;
                    c = script.charAt(at);
                }
                out.append(c);
                at++;
            }
            at++;
            String rest = script.substring(at);
            if (rest.startsWith(" & return & linefeed & \"")) {
                out.append("\r\n");
                at += " & return & linefeed & ".length();
            } else if (rest.startsWith(" & linefeed & \"")) {
                out.append('\n');
                at += " & linefeed & ".length();
            } else if (rest.startsWith(" & return & \"")) {
                out.append('\r');
                at += " & return & ".length();
            } else {
                return out.toString();
            }
        }
    }
}
