package io.signet.m365sim.scenario;

import io.signet.m365sim.M365Simulator;
import java.util.Map;

/**
 * {@code /_sim/callback}: the demo app's redirect URI. Shows the code (or error) that came back and the curl
 * command that redeems it, so a person can walk through the flow with a browser and a terminal.
 */
final class CallbackPage {
    private CallbackPage() {
    }

    static String render(Map<String, String> query, String baseUrl, String tenantId) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Simulator callback</title></head><body><main>\n");
        if (query.containsKey("error")) {
            html.append("<h1>Error</h1><p id=\"error\">").append(esc(query.get("error"))).append("</p><pre id=\"error_description\">")
                    .append(esc(query.get("error_description"))).append("</pre>");
        } else {
            String code = query.getOrDefault("code", "");
            html.append("<h1>Authorization code</h1><pre id=\"code\">").append(esc(code)).append("</pre>")
                    .append("<p>Redeem it (within 10 minutes, once):</p><pre id=\"curl\">curl -s -X POST ")
                    .append(esc(baseUrl)).append('/').append(esc(tenantId)).append("/oauth2/v2.0/token \\\n  -d grant_type=authorization_code")
                    .append(" \\\n  -d client_id=").append(M365Simulator.DEMO_CLIENT_ID)
                    .append(" \\\n  -d client_secret=").append(M365Simulator.DEMO_CLIENT_SECRET)
                    .append(" \\\n  -d redirect_uri=").append(esc(baseUrl)).append("/_sim/callback")
                    .append(" \\\n  --data-urlencode 'code=").append(esc(code)).append("'</pre>");
        }
        html.append("<p>state: <span id=\"state\">").append(esc(query.getOrDefault("state", ""))).append("</span></p>");
        return html.append("</main></body></html>\n").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
