package io.signet.agent.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Prints a command's result as lines for people or, with {@code --json}, as one JSON document for scripts. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;

    Output(PrintStream out, PrintStream err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** The result: {@code lines} for people, {@code document} for {@code --json}. */
    void result(List<String> lines, Map<String, Object> document) {
        if (json) {
            out.println(JSON.writeValueAsString(document));
        } else {
            lines.forEach(out::println);
        }
    }

    /** A failure: a sentence for people (on stderr), or {@code {"ok":false,"exitCode":..,"error":..}} for scripts. */
    void failure(int exitCode, String kind, String message) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("ok", false);
            document.put("exitCode", exitCode);
            document.put("error", kind);
            document.put("message", message);
            out.println(JSON.writeValueAsString(document));
        } else {
            err.println("signet-agent: " + message);
        }
    }

    void progress(String line) {
        err.println(line);
    }
}
