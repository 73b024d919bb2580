package io.signet.m365sim.identity;

import io.signet.m365sim.RegisteredApp;
import java.net.URI;
import java.util.List;

/**
 * Redirect URI matching as Microsoft does it: exact, except that for http://localhost and http://127.0.0.1
 * the port is ignored (RFC 8252 loopback redirects; see "Redirect URI (reply URL) restrictions").
 */
final class RedirectUris {
    private RedirectUris() {
    }

    /** Registered on either platform: "Web" or "Mobile and desktop applications". */
    static boolean registered(RegisteredApp app, String requested) {
        return matches(app.redirectUris(), requested) || isPublicClient(app, requested);
    }

    /** A "Mobile and desktop applications" redirect URI: a code sent there is redeemed without a secret. */
    static boolean isPublicClient(RegisteredApp app, String requested) {
        return matches(app.publicClientRedirectUris(), requested);
    }

    static boolean matches(List<String> registered, String requested) {
        if (requested == null) {
            return false;
        }
        for (String candidate : registered) {
            if (candidate.equals(requested) || loopbackMatch(candidate, requested)) {
                return true;
            }
        }
        return false;
    }

    private static boolean loopbackMatch(String registered, String requested) {
        try {
            URI a = URI.create(registered);
            URI b = URI.create(requested);
            return "http".equals(a.getScheme()) && "http".equals(b.getScheme()) && isLoopback(a.getHost())
                    && a.getHost().equals(b.getHost()) && same(a.getRawPath(), b.getRawPath())
                    && same(a.getRawQuery(), b.getRawQuery());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host);
    }

    private static boolean same(String a, String b) {
        String x = a == null || a.isEmpty() ? "/" : a;
        String y = b == null || b.isEmpty() ? "/" : b;
        return x.equals(y);
    }
}
