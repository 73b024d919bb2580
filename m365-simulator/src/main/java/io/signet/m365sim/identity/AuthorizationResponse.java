package io.signet.m365sim.identity;

import io.signet.m365sim.http.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the authorize endpoint hands its result (a code or an error) to the app: a redirect with the parameters in
 * the query, or, for {@code response_mode=form_post}, Microsoft's self-submitting form that POSTs them to the
 * redirect URI (MSAL4J asks for form_post: its loopback listener reads the result from the request body).
 */
final class AuthorizationResponse {
    private AuthorizationResponse() {
    }

    /** Answers the parameters given as name, value pairs (null values are left out) in the app's response mode. */
    static Response send(String responseMode, String redirectUri, String... pairs) {
        return "form_post".equals(responseMode) ? formPost(redirectUri, pairs) : redirect(redirectUri, pairs);
    }

    static Response redirect(String redirectUri, String... pairs) {
        StringBuilder url = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            url.append(separator).append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
            separator = '&';
        }
        return Response.redirect(url.toString());
    }

    /** The page Microsoft answers for form_post: a hidden form, a script that submits it, a button without script. */
    static Response formPost(String redirectUri, String... pairs) {
        StringBuilder html = new StringBuilder("<html><head><title>Working...</title></head><body>")
                .append("<form method=\"POST\" name=\"hiddenform\" action=\"").append(ConsentPage.esc(redirectUri))
                .append("\">");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                html.append("<input type=\"hidden\" name=\"").append(ConsentPage.esc(pairs[i])).append("\" value=\"")
                        .append(ConsentPage.esc(pairs[i + 1])).append("\" />");
            }
        }
        html.append("<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\" />")
                .append("</noscript></form><script language=\"javascript\">document.forms[0].submit();</script>")
                .append("</body></html>");
        return Response.html(200, html.toString()).header("Cache-Control", "no-store");
    }
}
