package io.signet.m365sim.identity;

import java.util.Map;
import java.util.Set;

/** The sign-in and consent page: plain HTML that works without JavaScript, so browser tests and people can use it. */
final class ConsentPage {
    /** Authorize parameters carried through the form as hidden fields. */
    static final String[] CARRIED = {"client_id", "redirect_uri", "response_type", "response_mode", "scope", "state",
        "nonce", "prompt", "login_hint", "code_challenge", "code_challenge_method", "user_code"};

    private ConsentPage() {
    }

    static String render(String action, String appName, String tenantName, Set<String> scopes,
            Map<String, String> params, String username, String errorMessage) {
        return render(action, appName, tenantName, scopes, params, username, errorMessage, null);
    }

    /** @param notice a line above the permissions (the device login page asks "Are you trying to sign in to …?") */
    static String render(String action, String appName, String tenantName, Set<String> scopes,
            Map<String, String> params, String username, String errorMessage, String notice) {
        StringBuilder html = head(tenantName);
        if (notice != null) {
            html.append("<p id=\"notice\">").append(esc(notice)).append("</p>\n");
        }
        html.append("<h1>Permissions requested</h1>\n<p><strong>").append(esc(appName))
                .append("</strong> would like to:</p>\n<ul id=\"permissions\">\n");
        appendPermissions(html, scopes);
        return body(html, action, params, username, errorMessage);
    }

    private static StringBuilder head(String tenantName) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Sign in to your account</title><style>")
                .append("body{font-family:Segoe UI,Helvetica,Arial,sans-serif;background:#f2f2f2;margin:0}")
                .append("main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}")
                .append("label{display:block;margin-top:12px}input[type=text],input[type=password]{width:100%;padding:6px;box-sizing:border-box}")
                .append("ul{padding-left:20px}.error{color:#e81123}.buttons{margin-top:24px;display:flex;gap:8px;justify-content:flex-end}")
                .append("button{padding:6px 20px}.accept{background:#0067b8;color:#fff;border:0}.note{font-size:12px;color:#555}")
                .append("</style></head><body><main>\n")
                .append("<p class=\"note\">Microsoft 365 simulator &mdash; ").append(esc(tenantName)).append("</p>\n");
        return html;
    }

    private static void appendPermissions(StringBuilder html, Set<String> scopes) {
        for (String scope : scopes) {
            Permissions.Permission p = Permissions.find(scope);
            String wording = p == null ? scope : p.wording();
            html.append("<li data-scope=\"").append(esc(scope)).append("\">").append(esc(wording));
            if (p != null && p.adminConsentRequired()) {
                html.append(" <span class=\"note\">(admin consent required)</span>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static String body(StringBuilder html, String action, Map<String, String> params, String username,
            String errorMessage) {
        if (errorMessage != null) {
            html.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(esc(errorMessage)).append("</p>\n");
        }
        html.append("<form id=\"consent-form\" method=\"post\" action=\"").append(esc(action)).append("\">\n");
        for (String name : CARRIED) {
            String value = params.get(name);
            if (value != null) {
                html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(esc(value))
                        .append("\">\n");
            }
        }
        html.append("<label for=\"username\">Email, phone, or Skype</label>")
                .append("<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" value=\"")
                .append(esc(username == null ? "" : username)).append("\">\n")
                .append("<label for=\"password\">Password</label>")
                .append("<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">\n")
                .append("<p class=\"note\">Accepting these permissions means that you allow this app to use your data "
                        + "as specified in their terms of service and privacy statement. An administrator who accepts "
                        + "consents on behalf of the organisation.</p>\n")
                .append("<div class=\"buttons\"><button type=\"submit\" id=\"decline\" name=\"decision\" value=\"decline\">"
                        + "Cancel</button><button type=\"submit\" id=\"accept\" class=\"accept\" name=\"decision\" "
                        + "value=\"accept\">Accept</button></div>\n</form>\n</main></body></html>\n");
        return html.toString();
    }

    /**
     * The device login page's first step ({@code /devicelogin}): form {@code device-code-form} with the field
     * {@code otc} (the user code) and a Next button, posting back to {@code action}.
     */
    static String codeEntry(String action, String tenantName, String errorMessage) {
        StringBuilder html = head(tenantName);
        html.append("<h1>Enter code</h1>\n<p>Enter the code displayed on your app or device.</p>\n");
        if (errorMessage != null) {
            html.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(esc(errorMessage)).append("</p>\n");
        }
        html.append("<form id=\"device-code-form\" method=\"post\" action=\"").append(esc(action)).append("\">\n")
                .append("<label for=\"otc\">Code</label>")
                .append("<input type=\"text\" id=\"otc\" name=\"otc\" autocomplete=\"off\" value=\"\">\n")
                .append("<div class=\"buttons\"><button type=\"submit\" id=\"next\" class=\"accept\">Next</button></div>\n")
                .append("</form>\n</main></body></html>\n");
        return html.toString();
    }

    /** A page that only tells the person something (e.g. "You have signed in …"), in {@code <p id="result">}. */
    static String resultPage(String tenantName, String title, String message) {
        return head(tenantName).append("<h1>").append(esc(title)).append("</h1>\n<p id=\"result\">").append(esc(message))
                .append("</p>\n</main></body></html>\n").toString();
    }

    static String errorPage(String title, String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title></head><body><main><h1>" + esc(title) + "</h1><p id=\"error\">" + esc(message)
                + "</p></main></body></html>\n";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
