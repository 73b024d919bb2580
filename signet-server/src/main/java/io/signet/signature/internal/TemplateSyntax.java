package io.signet.signature.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.samskivert.mustache.MustacheException;

import io.signet.web.ApiProblem.FieldProblem;

/**
 * Checks a template body before it is saved: every tag well-formed, every placeholder known, sections
 * closed in order, and no unescaped output, partials or delimiter changes. Problems name the line.
 */
public final class TemplateSyntax {

    private TemplateSyntax() {
    }

    /** The problems of {@code source}, reported against {@code field} ("html" or "text"); empty when valid. */
    public static List<FieldProblem> check(String field, String source) {
        List<FieldProblem> problems = new ArrayList<>();
        Deque<Open> sections = new ArrayDeque<>();
        int index = 0;
        while (true) {
            int start = source.indexOf("{{", index);
            if (start < 0) {
                break;
            }
            int line = lineOf(source, start);
            if (source.startsWith("{{{", start)) {
                problems.add(new FieldProblem(field, "line " + line + ": {{{...}}} outputs values unescaped and is not allowed"));
                int end = source.indexOf("}}}", start);
                index = end < 0 ? source.length() : end + 3;
                continue;
            }
            int end = source.indexOf("}}", start + 2);
            if (end < 0) {
                problems.add(new FieldProblem(field, "line " + line + ": a tag opened with {{ is never closed with }}"));
                break;
            }
            String tag = source.substring(start + 2, end).trim();
            index = end + 2;
            char sigil = tag.isEmpty() ? ' ' : tag.charAt(0);
            String name = "#^/&>=!".indexOf(sigil) >= 0 ? tag.substring(1).trim() : tag;
            switch (sigil) {
                case '!' -> { }
                case '&' -> problems.add(new FieldProblem(field, "line " + line + ": {{&" + name
                        + "}} outputs a value unescaped and is not allowed"));
                case '>' -> problems.add(new FieldProblem(field, "line " + line + ": partials ({{>" + name
                        + "}}) are not supported"));
                case '=' -> problems.add(new FieldProblem(field, "line " + line
                        + ": changing the delimiters ({{=...=}}) is not supported"));
                case '#', '^' -> {
                    checkName(field, name, line, problems);
                    sections.push(new Open(name, line));
                }
                case '/' -> {
                    if (sections.isEmpty()) {
                        problems.add(new FieldProblem(field, "line " + line + ": {{/" + name + "}} closes a section that was never opened"));
                    } else if (!sections.peek().name().equals(name)) {
                        Open open = sections.peek();
                        problems.add(new FieldProblem(field, "line " + line + ": {{/" + name + "}} does not match {{#"
                                + open.name() + "}} opened on line " + open.line()));
                        sections.pop();
                    } else {
                        sections.pop();
                    }
                }
                default -> checkName(field, name, line, problems);
            }
        }
        for (Open open : sections) {
            problems.add(new FieldProblem(field, "line " + open.line() + ": section {{#" + open.name()
                    + "}} is never closed with {{/" + open.name() + "}}"));
        }
        if (problems.isEmpty()) {
            try {
                SignatureTemplateEngine.HTML.compile(source);
            } catch (MustacheException e) {
                problems.add(new FieldProblem(field, e.getMessage()));
            }
        }
        return problems;
    }

    private static void checkName(String field, String name, int line, List<FieldProblem> problems) {
        if (name.isEmpty()) {
            problems.add(new FieldProblem(field, "line " + line + ": empty placeholder {{}}"));
        } else if (!Placeholders.isKnown(name)) {
            problems.add(new FieldProblem(field, "line " + line + ": unknown placeholder {{" + name
                    + "}} (see GET /api/v1/signature-placeholders)"));
        }
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private record Open(String name, int line) {
    }
}
