package io.signet.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.signet.web.ApiProblem.FieldProblem;

class TemplateSyntaxTest {

    private static List<String> problems(String source) {
        return TemplateSyntax.check("html", source).stream().map(FieldProblem::message).toList();
    }

    @Test
    void everyDocumentedPlaceholderCustomFieldsAndSectionsAreAccepted() {
        String all = Placeholders.all().stream().map(p -> p.name()).filter(n -> !n.contains("<"))
                .map(n -> "{{" + n + "}}").reduce("", String::concat);

        assertThat(problems(all + "{{custom.costCenter}}{{#mobilePhone}}M {{mobilePhone}}{{/mobilePhone}}"
                + "{{^jobTitle}}-{{/jobTitle}}{{! a comment }}")).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsNamedWithItsLine() {
        assertThat(problems("<p>{{firstName}}</p>\n<p>{{jobTitel}}</p>"))
                .containsExactly("line 2: unknown placeholder {{jobTitel}} (see GET /api/v1/signature-placeholders)");
    }

    @Test
    void anUnclosedSectionIsNamedWithTheLineItOpensOn() {
        assertThat(problems("a\n\n{{#mobilePhone}}M {{mobilePhone}}"))
                .containsExactly("line 3: section {{#mobilePhone}} is never closed with {{/mobilePhone}}");
    }

    @Test
    void aMismatchedOrStrayClosingTagIsAnError() {
        assertThat(problems("{{#email}}x{{/mobilePhone}}")).singleElement().asString()
                .contains("line 1: {{/mobilePhone}} does not match {{#email}}");
        assertThat(problems("x\n{{/email}}")).singleElement().asString()
                .contains("line 2: {{/email}} closes a section that was never opened");
    }

    @Test
    void aTagThatIsNeverClosedIsAnError() {
        assertThat(problems("<p>\n{{firstName</p>")).singleElement().asString().startsWith("line 2: a tag opened with {{");
    }

    @Test
    void unescapedOutputPartialsAndDelimiterChangesAreRefused() {
        assertThat(problems("{{{jobTitle}}}")).singleElement().asString().contains("unescaped");
        assertThat(problems("{{&jobTitle}}")).singleElement().asString().contains("unescaped");
        assertThat(problems("{{>header}}")).singleElement().asString().contains("partials");
        assertThat(problems("{{=<% %>=}}")).singleElement().asString().contains("delimiters");
    }

    @Test
    void aCustomFieldNameMustBeValid() {
        assertThat(problems("{{custom.1bad}}")).singleElement().asString().contains("unknown placeholder {{custom.1bad}}");
    }
}
