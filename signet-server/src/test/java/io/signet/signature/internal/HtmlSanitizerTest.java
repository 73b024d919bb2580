package io.signet.signature.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private static String clean(String html) {
        return HtmlSanitizer.sanitize(html).html();
    }

    @Test
    void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
        String result = clean("<p onclick=\"steal()\">Hi<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><a href=\" JaVa\tscript:alert(1)\">y</a><img src=\"data:image/png;base64,AAA\">");

        assertThat(result).isEqualTo("<p>Hi</p><a>x</a><a>y</a><img>");
    }

    @Test
    void externalCssIsRemovedButInlineStylesStay() {
        String result = clean("<style>p{color:red}</style><link rel=\"stylesheet\" href=\"https://x/a.css\">"
                + "<p style=\"color:#333;font-size:12px\">a</p><p style=\"background:url(https://x/t.png)\">b</p>"
                + "<p class=\"x\" id=\"y\">c</p>");

        assertThat(result).isEqualTo("<p style=\"color:#333;font-size:12px\">a</p><p>b</p><p>c</p>");
    }

    @Test
    void tablesAndSectionsAroundRowsSurviveParsing() {
        String template = "<table cellpadding=\"0\" style=\"border-collapse:collapse\"><tr><td>{{displayName}}</td></tr>"
                + "{{#mobilePhone}}<tr><td>M {{mobilePhone}}</td></tr>{{/mobilePhone}}</table>";

        assertThat(clean(template)).isEqualTo("<table cellpadding=\"0\" style=\"border-collapse:collapse\"><tbody>"
                + "<tr><td>{{displayName}}</td></tr>{{#mobilePhone}}<tr><td>M {{mobilePhone}}</td></tr>{{/mobilePhone}}"
                + "</tbody></table>");
    }

    @Test
    void imageAndLinkUrlsMayBeWebUrlsOrSignetsUrlPlaceholdersOnly() {
        String result = clean("<img src=\"{{company.logoUrl}}\" width=\"{{company.logoWidth}}\">"
                + "<img src=\"{{custom.photo}}\"><a href=\"https://example.com/{{custom.id}}\">a</a><a href=\"/relative\">b</a>");

        assertThat(result).isEqualTo("<img src=\"{{company.logoUrl}}\" width=\"{{company.logoWidth}}\"><img>"
                + "<a href=\"https://example.com/{{custom.id}}\">a</a><a>b</a>");
    }

    @Test
    void aLinkPlaceholderInsideAnAttributeIsAProblemToFix() {
        assertThat(HtmlSanitizer.sanitize("<a href=\"tel:{{mobilePhone}}\">call</a>").problems())
                .singleElement().asString().contains("{{mobilePhone}} renders as a link");
    }
}
